// Scanning: keyboard-wedge bursts become `scan { code, source: 'wedge' }` events on one bus.
// A HID scanner in the main process can publish on the same bus (see publishScan).
export { claimScans, publishScan, watchScans, type ScanEvent, type ScanHandler, type ScanLevel } from './bus';
export { installWedge } from './wedgeDom';
export { useScan } from './useScan';
export { useScanQueue } from './useScanQueue';
export { beep } from './beep';
