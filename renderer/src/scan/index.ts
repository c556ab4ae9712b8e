// Scanning: keyboard-wedge bursts become `scan { code, source: 'wedge' }` events on one bus.
// HID-POS scanners in the main process publish on the same bus (hid.ts).
export { claimScans, publishScan, watchScans, type ScanEvent, type ScanHandler, type ScanLevel } from './bus';
export { installWedge } from './wedgeDom';
export { useScan } from './useScan';
export { useScanQueue } from './useScanQueue';
export { beep } from './beep';
export { installHidScans, scannersState, watchScanners, rawHidScans, chosenScanner, chooseScanner, takesScan, layoutChoices, chooseLayout } from './hid';
