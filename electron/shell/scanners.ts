// The HID-POS scanners in the Electron shell: the hub (devices/hid/scanners.ts) runs in the main
// process, and each scan goes to the desk's window — only while it has focus, as a key press
// would — over the second channel into the page, 'hid-scan' (the first is 'rpc'); the scanners'
// state over 'scanners' on every change, and on request ('scanners', answered like every channel
// only for the desk's own top frame, ipc.ts). The preload checks each message's shape again.

import type { BrowserWindow } from 'electron';
import type { ScannerHub } from '../devices/hid/scanners';
import { isAppUrl } from '../security';
import { handleFromDesk } from './ipc';

/** The desk's own page in a live window, or null. */
function deskPage(win: BrowserWindow | null): BrowserWindow | null {
  return win && !win.isDestroyed() && isAppUrl(win.webContents.getURL()) ? win : null;
}

export function registerScanners(hub: ScannerHub, window: () => BrowserWindow | null): void {
  handleFromDesk('scanners', async () => ({ ok: true as const, value: hub.state() }));
  hub.onScan((scan) => {
    const win = deskPage(window());
    if (win?.isFocused()) win.webContents.send('hid-scan', scan);
  });
  hub.onState((state) => deskPage(window())?.webContents.send('scanners', state));
}
