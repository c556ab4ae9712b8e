// The scanner hub in the main process: finds HID-POS scanners (usage page 0x8C, usage 0x02) by
// polling the enumeration every 2 s, so a scanner unplugged and plugged back in (even on another
// port, with another path) is opened again without a restart; opens each by path; turns its input
// reports into scan events (./report.ts, ./decode.ts); and keeps a state the devices screen shows,
// with every problem in plain words (./words.ts) — never an exception out of here.
// Electron-free: the Electron shell and the browser-mode server each own one and pass its events on.

import { dateIn } from '../../../shared/time';
import type { DeviceProblem, HidScan, ScannerInfo, ScannerLayoutChoice, ScannersState } from '../../../shared/bridge';
import { decodeScan } from './decode';
import { parseReport, ReportJoiner, type ReportLayout } from './report';
import type { HidDeviceInfo, HidHandle, HidTransport } from './transport';
import { badScan, hidUnavailable, keyboardMode, openFailed } from './words';

export const POS_USAGE_PAGE = 0x8c;
export const POS_SCANNER_USAGE = 0x02;
export const POLL_MS = 2000;

const HONEYWELL = 0x0c2e;
const NEWLAND = 0x1eab;
/** Scanner makers whose keyboard-mode devices we point out (Honeywell, Newland, Zebra/Symbol, Datalogic). */
const SCANNER_VENDORS = new Set([HONEYWELL, NEWLAND, 0x05e0, 0x05f9]);

/** The layout a scanner's reports are read in: the one chosen for it, else by its maker (Newland's vendor id; Youjie and others sold under their own ids need the choice). */
function layoutOf(d: HidDeviceInfo, choice: ScannerLayoutChoice): ReportLayout {
  if (choice !== 'auto') return choice;
  return d.vendorId === NEWLAND ? 'newland' : 'honeywell';
}

function keyOf(d: HidDeviceInfo): string {
  return d.serialNumber ? `${d.vendorId}:${d.productId}:${d.serialNumber}` : d.path;
}

const isPosScanner = (d: HidDeviceInfo) => d.usagePage === POS_USAGE_PAGE && d.usage === POS_SCANNER_USAGE;
const isKeyboardScanner = (d: HidDeviceInfo) => d.usagePage === 0x01 && d.usage === 0x06 && SCANNER_VENDORS.has(d.vendorId);
const words = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

interface Entry {
  info: ScannerInfo;
  device: HidDeviceInfo;
  handle: HidHandle | null;
}

export interface ScannerHubOptions {
  /** the office's current year, for a GS1 expiry's century (default: this year in the office's zone, Asia/Shanghai) */
  officeYear?: () => number;
  pollMs?: number;
}

export class ScannerHub {
  private entries = new Map<string, Entry>();
  /** the layout chosen per scanner key (a scanner keeps its key across a replug) */
  private layouts = new Map<string, ScannerLayoutChoice>();
  private available = true;
  private problem: DeviceProblem | null = null;
  private scanFns = new Set<(s: HidScan) => void>();
  private stateFns = new Set<(s: ScannersState) => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private closed = false;
  private readonly officeYear: () => number;

  constructor(
    private readonly transport: HidTransport,
    private readonly opts: ScannerHubOptions = {},
  ) {
    this.officeYear = opts.officeYear ?? (() => Number(dateIn(new Date(), 'Asia/Shanghai').slice(0, 4)));
  }

  /** Poll now and every pollMs (the timer does not keep the process alive). */
  start(): this {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.opts.pollMs ?? POLL_MS);
    this.timer.unref();
    return this;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const e of this.entries.values()) e.handle?.close();
    this.entries.clear();
  }

  state(): ScannersState {
    return { available: this.available, problem: this.problem, scanners: [...this.entries.values()].map((e) => e.info) };
  }

  /** Read the reports of the scanner with this key in this layout ('auto': by its maker), from its next report on. */
  setLayout(key: string, choice: ScannerLayoutChoice): void {
    if (choice === 'auto') this.layouts.delete(key);
    else this.layouts.set(key, choice);
    let changed = false;
    for (const e of this.entries.values())
      if (e.info.key === key) {
        e.info = { ...e.info, layoutChoice: choice, layout: layoutOf(e.device, choice) };
        changed = true;
      }
    if (changed) this.emitState();
  }

  onScan(fn: (s: HidScan) => void): () => void {
    this.scanFns.add(fn);
    return () => this.scanFns.delete(fn);
  }

  onState(fn: (s: ScannersState) => void): () => void {
    this.stateFns.add(fn);
    return () => this.stateFns.delete(fn);
  }

  /** One look at what is plugged in; at most one at a time (a call during one waits for it). */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    let found: HidDeviceInfo[];
    try {
      found = await this.transport.enumerate();
    } catch (e) {
      this.setAvailable(false, hidUnavailable(this.transport.platform, words(e)));
      return;
    }
    this.setAvailable(true, null);
    const wanted = found.filter((d) => isPosScanner(d) || isKeyboardScanner(d));
    const seen = new Set(wanted.map((d) => d.path));
    let changed = false;
    for (const [path, e] of this.entries)
      if (!seen.has(path)) {
        e.handle?.close();
        this.entries.delete(path);
        changed = true;
      }
    for (const d of wanted) changed = (await this.visit(d)) || changed;
    if (changed) this.emitState();
  }

  /** A device seen by the poll: new ones are added, HID-POS ones not open are (re)opened. True when the state changed. */
  private async visit(d: HidDeviceInfo): Promise<boolean> {
    const known = this.entries.get(d.path);
    if (known && (known.handle || known.info.state === 'keyboard')) return false;
    if (isKeyboardScanner(d) && !isPosScanner(d)) {
      this.entries.set(d.path, { device: d, handle: null, info: this.infoOf(d, 'keyboard', keyboardMode()) });
      return true;
    }
    try {
      const handle = await this.transport.open(d.path);
      if (this.closed) {
        handle.close();
        return false;
      }
      this.entries.set(d.path, { device: d, handle, info: this.infoOf(d, 'ready', null) });
      this.listen(d, handle);
      if (d.vendorId === HONEYWELL) await handle.sendFeatureReport([0xfe, 0x01]).catch(() => undefined); // Honeywell: HID-POS reports on
      return true;
    } catch (e) {
      const problem = openFailed(this.transport.platform, d, words(e));
      this.entries.set(d.path, { device: d, handle: null, info: this.infoOf(d, 'error', problem) });
      return !known || known.info.problem?.message_en !== problem.message_en;
    }
  }

  private infoOf(d: HidDeviceInfo, state: ScannerInfo['state'], problem: DeviceProblem | null): ScannerInfo {
    const name = [d.manufacturer, d.product].filter(Boolean).join(' ') || `HID ${d.vendorId.toString(16)}:${d.productId.toString(16)}`;
    const layoutChoice = this.layouts.get(keyOf(d)) ?? 'auto';
    return { key: keyOf(d), path: d.path, name, vendorId: d.vendorId, productId: d.productId, layout: layoutOf(d, layoutChoice), layoutChoice, state, problem };
  }

  private listen(d: HidDeviceInfo, handle: HidHandle): void {
    const joiner = new ReportJoiner();
    handle.onReport((buf) => {
      const r = parseReport(buf, this.entries.get(d.path)?.info.layout ?? layoutOf(d, 'auto'));
      if (!r.ok) return r.reason === 'not_scan_report' ? undefined : this.scanProblem(d.path, badScan('bad_report', r.reason));
      const code = joiner.push(r.report);
      if (code === null) return;
      if (code === 'too_long') return this.scanProblem(d.path, badScan('bad_report', 'too_long'));
      const s = decodeScan(code, d.path, this.officeYear());
      if (!s.ok) return this.scanProblem(d.path, badScan('bad_gs1', s.problem.kind));
      this.scanProblem(d.path, null);
      for (const fn of this.scanFns) fn(s.scan);
    });
    // an unplug: forget the handle; the next poll opens it again if it is back
    handle.onError(() => {
      handle.close();
      const e = this.entries.get(d.path);
      if (e?.handle === handle) {
        this.entries.delete(d.path);
        this.emitState();
      }
    });
  }

  private scanProblem(path: string, problem: DeviceProblem | null): void {
    const e = this.entries.get(path);
    if (!e || e.info.problem?.code === problem?.code) return;
    e.info = { ...e.info, problem };
    this.emitState();
  }

  private setAvailable(available: boolean, problem: DeviceProblem | null): void {
    if (this.available === available && this.problem?.message_en === problem?.message_en) return;
    this.available = available;
    this.problem = problem;
    if (!available) {
      for (const e of this.entries.values()) e.handle?.close();
      this.entries.clear();
    }
    this.emitState();
  }

  private emitState(): void {
    const s = this.state();
    for (const fn of this.stateFns) fn(s);
  }
}
