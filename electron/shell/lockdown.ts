// The lock-down of every web contents the shell creates (checklist items 5, 12, 13, 14 in main.ts):
// navigation, redirects and frames stay on app://desk/ (a paper window: on its own PDF and the
// built-in viewer), no webviews, no new windows, and no permission but writing to the clipboard.

import { session, type WebContents } from 'electron';
import { isAppUrl } from '../security';

/** The one file:// PDF a paper window may show (paper.ts), or undefined for any other contents. */
export type PaperFileOf = (contents: WebContents) => string | undefined;

/** Chromium's built-in PDF viewer (an internal extension), which shows the PDF in a paper window. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

function mayGo(contents: WebContents, url: string, paperFileOf: PaperFileOf): boolean {
  if (isAppUrl(url)) return true;
  const host = (contents as WebContents & { hostWebContents?: WebContents | null }).hostWebContents ?? null;
  const file = paperFileOf(contents) ?? (host ? paperFileOf(host) : undefined);
  return !!file && (url === file || url.startsWith(PDF_VIEWER));
}

/** Called for every web contents as it is created ('web-contents-created'). */
export function lockDown(contents: WebContents, paperFileOf: PaperFileOf): void {
  const refuseAway = (event: { url: string; preventDefault(): void }) => {
    if (!mayGo(contents, event.url, paperFileOf)) event.preventDefault();
  };
  contents.on('will-navigate', refuseAway);
  contents.on('will-frame-navigate', refuseAway);
  contents.on('will-redirect', refuseAway);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyPermissions(): void {
  const ses = session.defaultSession;
  // Copying a slip number or a report to the clipboard is the one thing the page may do.
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  ses.setPermissionCheckHandler((_wc, permission) => permission === 'clipboard-sanitized-write');
  ses.setDevicePermissionHandler(() => false);
}
