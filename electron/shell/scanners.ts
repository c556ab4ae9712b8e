// The HID-POS scanners in the Electron shell: the hub (devices/hid/scanners.ts) runs in the main
// process, and each scan goes to the desk's window — only while it has focus, as a key press
// would — over the second channel into the page, 'hid-scan' (the first is 'rpc'); the scanners'
// state over 'scanners' on every change, and on request ('scanners', answered like every channel
// only for the desk's own top frame, ipc.ts). The preload checks each message's shape again.
// 'scanner-layout' {key, layout}: the report layout the desk chose for one scanner (扫描枪 tab).

import type { BrowserWindow } from 'electron';
import { SCANNER_LAYOUT_CHOICES, type ScannerLayoutChoice } from '../../shared/bridge';
import type { ScannerHub } from '../devices/hid/scanners';
import { isAppUrl } from '../security';
import { handleFromDesk } from './ipc';

/** The desk's own page in a live window, or null. */
function deskPage(win: BrowserWindow | null): BrowserWindow | null {
  return win && !win.isDestroyed() && isAppUrl(win.webContents.getURL()) ? win : null;
}

export function registerScanners(hub: ScannerHub, window: () => BrowserWindow | null): void {
  handleFromDesk('scanners', async () => ({ ok: true as const, value: hub.state() }));
  handleFromDesk('scanner-layout', async (req) => {
    const r = req as { key?: unknown; layout?: unknown } | null;
    if (typeof r?.key !== 'string' || r.key.length > 300 || !SCANNER_LAYOUT_CHOICES.includes(r.layout as ScannerLayoutChoice))
      return { ok: false as const, error: { code: 'bad_request', message_zh: '扫描枪报文格式无效', message_en: 'Not a scanner layout', details: {} } };
    hub.setLayout(r.key, r.layout as ScannerLayoutChoice);
    return { ok: true as const, value: null };
  });
  hub.onScan((scan) => {
    const win = deskPage(window());
    if (win?.isFocused()) win.webContents.send('hid-scan', scan);
  });
  hub.onState((state) => deskPage(window())?.webContents.send('scanners', state));
}
