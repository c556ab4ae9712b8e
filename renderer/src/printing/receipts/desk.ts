// The desk (台) this PC is in the office: its name, kept in this browser profile (the Electron app's
// own, or the browser's in browser mode), sent with every receipt so the core picks the desk's
// printer (receipts.deskPrinter). Several PCs may share one office file; each names itself.

const KEY = 'branch-desk.desk';
export const DEFAULT_DESK = '本机';

export function deskName(): string {
  try {
    return localStorage.getItem(KEY)?.trim() || DEFAULT_DESK;
  } catch {
    return DEFAULT_DESK;
  }
}

export function setDeskName(name: string): void {
  localStorage.setItem(KEY, name.trim() || DEFAULT_DESK);
}
