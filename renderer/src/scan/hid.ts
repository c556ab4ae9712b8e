// HID-POS scans from the main process onto the one scan bus. In the desktop app they come over the
// preload's 'hid-scan' channel (window.desk.onScan), in browser mode as Server-Sent Events from the
// server that owns the scanners (GET /events?token=<desk token>; after a server restart the stream
// is refused, so the token is fetched again and the stream reopened). The scanners' state (found,
// problems) comes the same way, for the 扫描枪 tab.
// Only a page that has focus takes a scan, as only it would get a key press.
// This desk may choose one scanner (saved in this browser / PC: localStorage, by the scanner's
// key, which survives a replug); then only its scans reach the screens. Every HID scan, chosen or
// not, is shown to the watchers of rawHidScans (the tab's test-scan says which scanner read it).
// The report layout of a scanner (auto / Honeywell / Newland-Youjie) is chosen the same way, saved
// here per scanner key and handed to the main process (setScannerLayout, or POST /scanner-layout in
// browser mode) whenever the scanners' state says it reads a scanner otherwise.

import type { HidScan, ScannerLayoutChoice, ScannersState } from '../../../shared/bridge';
import { deskToken, refreshDeskToken } from '../api';
import { publishRead } from './read';

const CHOICE_KEY = 'branch-desk.scanner';
const LAYOUTS_KEY = 'branch-desk.scannerLayouts';
const RETRY_MS = 2000;

let state: ScannersState = { available: false, problem: null, scanners: [] };
const stateFns = new Set<(s: ScannersState) => void>();
const rawFns = new Set<(s: HidScan) => void>();

export function scannersState(): ScannersState {
  return state;
}

export function watchScanners(fn: (s: ScannersState) => void): () => void {
  stateFns.add(fn);
  return () => stateFns.delete(fn);
}

/** Every HID scan, before the choice of scanner filters it. */
export function rawHidScans(fn: (s: HidScan) => void): () => void {
  rawFns.add(fn);
  return () => rawFns.delete(fn);
}

/** The scanner this desk uses (its key), or null: any scanner. */
export function chosenScanner(): string | null {
  try {
    return localStorage.getItem(CHOICE_KEY) || null;
  } catch {
    return null;
  }
}

export function chooseScanner(key: string | null): void {
  try {
    if (key) localStorage.setItem(CHOICE_KEY, key);
    else localStorage.removeItem(CHOICE_KEY);
  } catch {
    /* no storage: the choice lasts this page */
  }
  for (const fn of stateFns) fn(state);
}

/** The layouts this desk chose, by scanner key (a scanner not named: auto). */
export function layoutChoices(): Record<string, ScannerLayoutChoice> {
  try {
    return JSON.parse(localStorage.getItem(LAYOUTS_KEY) ?? '{}') as Record<string, ScannerLayoutChoice>;
  } catch {
    return {};
  }
}

async function sendLayout(key: string, layout: ScannerLayoutChoice): Promise<void> {
  if (window.desk) return void (await window.desk.setScannerLayout?.(key, layout));
  await fetch('/scanner-layout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Desk-Token': deskToken() },
    body: JSON.stringify({ key, layout }),
  });
}

export function chooseLayout(key: string, layout: ScannerLayoutChoice): void {
  const all = layoutChoices();
  if (layout === 'auto') delete all[key];
  else all[key] = layout;
  try {
    localStorage.setItem(LAYOUTS_KEY, JSON.stringify(all));
  } catch {
    /* no storage: the choice lasts this page */
  }
  void sendLayout(key, layout).catch((e: unknown) => console.error('scanner layout not set', e));
}

/** Tell the main process the layouts this desk chose for the scanners it reads otherwise (a new hub, a server restart). */
function syncLayouts(s: ScannersState): void {
  const chosen = layoutChoices();
  for (const x of s.scanners) {
    const want = chosen[x.key] ?? 'auto';
    if (x.layoutChoice !== want) void sendLayout(x.key, want).catch(() => undefined);
  }
}

function setState(s: ScannersState): void {
  state = s;
  syncLayouts(s);
  for (const fn of stateFns) fn(s);
}

/** Whether this desk takes the scan: no scanner chosen, or it came from the chosen one. */
export function takesScan(s: HidScan): boolean {
  const chosen = chosenScanner();
  return !chosen || (state.scanners.find((x) => x.path === s.device)?.key ?? s.device) === chosen;
}

function accept(s: HidScan): void {
  // as a key press goes to one window: in browser mode every open tab hears the server, only the
  // one the clerk is working in takes the scan (the desktop app sends to the focused window only)
  if (!document.hasFocus()) return;
  for (const fn of rawFns) fn(s);
  if (!takesScan(s)) return;
  publishRead({ code: s.code, symbology: s.symbology, source: 'hid', device: s.device, gs1: s.gs1 }, s.raw ?? s.code);
}

function openEvents(): void {
  const es = new EventSource(`/events?token=${encodeURIComponent(deskToken())}`);
  es.addEventListener('scan', (e) => accept(JSON.parse((e as MessageEvent<string>).data) as HidScan));
  es.addEventListener('scanners', (e) => setState(JSON.parse((e as MessageEvent<string>).data) as ScannersState));
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
    setTimeout(() => void refreshDeskToken().finally(openEvents), RETRY_MS);
  };
}

let installed = false;

/** Start taking HID scans (once). */
export function installHidScans(): void {
  if (installed) return;
  installed = true;
  if (window.desk) {
    window.desk.onScan?.(accept);
    window.desk.onScanners?.(setState);
  } else if (typeof EventSource !== 'undefined') openEvents();
}
