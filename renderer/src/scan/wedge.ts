// The keyboard-wedge scanner as a pure state machine. A wedge scanner "types" a code very fast and
// ends it with Enter or Tab; a person types slowly. The machine is fed every keydown as
// { code, key, time } and decides, key by key, whether the key may land where focus is ('pass') or
// must be kept from it ('swallow'), and reports what happened: a burst started (snapshot the
// focused field), a scan was recognised (remove what leaked into the field, emit the code), or a
// fast burst turned out not to be a scan (give back the characters it held).
//
// It reads the physical key (`event.code`: Digit0–9, KeyA–Z, Minus, Period, Numpad…), so a
// Chinese IME that turns the key into 'Process' does not hide the digits from it. For the QR on a
// printed slip (`BD1|no|hash|signature`, base64url) it also reads | / + = _ as a scanner emulating
// a US keyboard sends them: Shift+Backslash, Slash, Shift+Equal, Equal, Shift+Minus.
// Nothing here touches the DOM, timers or clocks: the caller passes `time` (event.timeStamp) and
// calls `idle(now)` from a timer, which makes every rule testable in plain Node.

export interface WedgeKey {
  /** KeyboardEvent.code: the physical key */
  code: string;
  /** KeyboardEvent.key: what the layout or IME made of it ('Process' while an IME is composing) */
  key: string;
  /** KeyboardEvent.timeStamp (ms) */
  time: number;
  shift?: boolean;
  capsLock?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
  repeat?: boolean;
  /** the key went to an IME (key 'Process' / keyCode 229): preventDefault cannot stop it */
  ime?: boolean;
}

export type WedgeEvent =
  | { type: 'burst'; time: number }
  /** ime: some keys of the burst went to an IME (it may still commit text into the field) */
  | { type: 'scan'; code: string; time: number; ime: boolean }
  | { type: 'release'; text: string };

export interface WedgeStep {
  /** true: call preventDefault and stop the key from reaching the page */
  swallow: boolean;
  events: WedgeEvent[];
}

export interface WedgeOptions {
  /** shortest code accepted as a scan */
  minLength: number;
  /** longest gap between two characters of one scan (ms) */
  maxGap: number;
  /** longest gap between the last character and the Enter/Tab that ends a scan (ms) */
  terminatorGap: number;
  /** longest code kept in the buffer */
  maxLength: number;
  /**
   * A longer gap tolerated among the first characters only (before the burst could be a scan):
   * the first keys land in the focused field and the page may be busy reacting to them, which
   * can delay the next key by more than maxGap. From the (minLength-1)th character on, every gap
   * must be fast, so slow human typing still never becomes a scan. Only for a burst that began
   * after a quiet moment (no key for quietBefore ms) or right after another scan, so a key typed
   * just before a scan does not join the scan's code.
   */
  leadGap: number;
  quietBefore: number;
  /**
   * Once minLength characters have come fast, it is a scanner (no person types four keys 35 ms
   * apart): a stall after that (the page busy) is tolerated up to holdGap, for the next character
   * and for the Enter/Tab, instead of cutting the code in two.
   */
  holdGap: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  minLength: 4,
  maxGap: 35,
  terminatorGap: 80,
  maxLength: 400,
  leadGap: 150,
  quietBefore: 250,
  holdGap: 250,
};

const TERMINATORS = new Set(['Enter', 'NumpadEnter', 'Tab']);
/** Keys that never break a burst (a scanner presses Shift for capitals, Ctrl for a GS1 FNC1). */
const NEUTRAL = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock', 'ControlLeft', 'ControlRight']);

/** A GS1 FNC1 as a keyboard-wedge scanner types it: GS (0x1D), which a keyboard gives as Ctrl+]. */
export const GS = '\x1d';
const isGs = (k: WedgeKey) => !!k.ctrl && !k.alt && !k.meta && k.code === 'BracketRight';

/** The barcode character a physical key stands for, or null when it is not one. */
export function charOf(k: WedgeKey): string | null {
  // Trust the layout's key when it is a plain ASCII barcode character of the same physical key.
  const fromCode = codeChar(k);
  if (fromCode === null) return null;
  if (k.key.length === 1 && /[0-9A-Za-z]/.test(k.key) && k.key.toLowerCase() === fromCode.toLowerCase()) return k.key;
  return fromCode;
}

function codeChar(k: WedgeKey): string | null {
  const c = k.code;
  let m = /^Digit([0-9])$/.exec(c);
  if (m) return k.shift ? null : m[1];
  m = /^Numpad([0-9])$/.exec(c);
  if (m) return m[1];
  m = /^Key([A-Z])$/.exec(c);
  if (m) return k.shift !== !!k.capsLock ? m[1] : m[1].toLowerCase();
  if (c === 'Minus') return k.shift ? '_' : '-';
  if (c === 'NumpadSubtract') return '-';
  if (c === 'Period') return k.shift ? null : '.';
  if (c === 'NumpadDecimal') return '.';
  // US layout (what scanners emulate), for the slip QR's separators and base64 / base64url
  if (c === 'Backslash' || c === 'IntlBackslash') return k.shift ? '|' : null;
  if (c === 'Slash') return k.shift ? null : '/';
  if (c === 'NumpadDivide') return '/';
  if (c === 'Equal') return k.shift ? '+' : '=';
  if (c === 'NumpadAdd') return '+';
  // a GS1 symbol's AIM id (]C1, ]d2 …) when the scanner is set to send it
  if (c === 'BracketRight') return k.shift ? null : ']';
  return null;
}

interface Burst {
  chars: string[];
  /** characters that were swallowed and could still be given back (not those an IME took) */
  held: string[];
  first: number;
  last: number;
  ime: boolean;
  /** began after a quiet moment: one slow lead gap may be tolerated */
  quietStart: boolean;
  slowUsed: boolean;
}

export class WedgeMachine {
  readonly opts: WedgeOptions;
  private burst: Burst | null = null;
  private lastKey = -Infinity;
  /** the previous key ended a scan: the next burst is most likely another scan */
  private afterScan = false;

  constructor(opts: Partial<WedgeOptions> = {}) {
    this.opts = { ...DEFAULT_WEDGE_OPTIONS, ...opts };
  }

  /** True while a fast burst is being swallowed (the caller should keep an idle timer running). */
  get holding(): boolean {
    return !!this.burst && this.burst.chars.length >= this.opts.minLength;
  }

  /** How long a burst waits for its next key before it is over. */
  private patience(b: Burst): number {
    if (b.chars.length >= this.opts.minLength) return Math.max(this.opts.terminatorGap, this.opts.holdGap);
    return b.quietStart && !b.slowUsed && b.chars.length < this.opts.minLength - 1
      ? Math.max(this.opts.terminatorGap, this.opts.leadGap)
      : this.opts.terminatorGap;
  }

  /** When the caller should call idle() at the latest (ms, in event time), or null. */
  deadline(): number | null {
    return this.burst ? this.burst.last + this.patience(this.burst) : null;
  }

  /** One keydown. */
  key(k: WedgeKey): WedgeStep {
    const previousKey = this.lastKey;
    const afterScan = this.afterScan;
    this.lastKey = k.time;
    this.afterScan = false;
    const events: WedgeEvent[] = [];
    const modified = !!(k.ctrl || k.alt || k.meta);

    if (!modified && !k.repeat && TERMINATORS.has(k.code)) {
      const b = this.burst;
      if (b && b.chars.length >= this.opts.minLength && k.time - b.last <= this.patience(b)) {
        this.burst = null;
        this.afterScan = true;
        events.push({ type: 'scan', code: b.chars.join(''), time: k.time, ime: b.ime });
        return { swallow: true, events };
      }
      this.end(events);
      return { swallow: false, events };
    }

    if (NEUTRAL.has(k.code) && !k.alt && !k.meta) {
      // Shift (or Ctrl, for a GS) inside a burst: keep the burst; it lands nowhere.
      return { swallow: this.holding, events };
    }

    const ch = k.repeat ? null : isGs(k) ? GS : modified ? null : charOf(k);
    if (ch === null) {
      this.end(events);
      return { swallow: false, events };
    }

    let b = this.burst;
    const gap = b ? k.time - b.last : 0;
    const leadOk = !!b && b.quietStart && !b.slowUsed && b.chars.length < this.opts.minLength - 1;
    const holding = !!b && b.chars.length >= this.opts.minLength;
    const tolerated = b ? (holding ? Math.max(this.opts.maxGap, this.opts.holdGap) : leadOk ? this.opts.leadGap : this.opts.maxGap) : 0;
    if (b && !holding && gap > this.opts.maxGap && gap <= tolerated) b.slowUsed = true;
    if (b && (gap > tolerated || b.chars.length >= this.opts.maxLength)) {
      this.end(events);
      b = null;
    }
    if (!b) {
      b = {
        chars: [],
        held: [],
        first: k.time,
        last: k.time,
        ime: false,
        quietStart: afterScan || k.time - previousKey >= this.opts.quietBefore,
        slowUsed: false,
      };
      this.burst = b;
      events.push({ type: 'burst', time: k.time });
    }
    b.chars.push(ch);
    b.last = k.time;
    if (k.ime) b.ime = true;
    const swallow = b.chars.length >= this.opts.minLength;
    if (swallow && !k.ime) b.held.push(ch);
    return { swallow, events };
  }

  /**
   * No key since `now`: a burst that has waited past its terminator gap is over. If it was being
   * swallowed it was not a scan after all (no Enter/Tab came): its characters are given back.
   */
  idle(now: number): WedgeEvent[] {
    const events: WedgeEvent[] = [];
    if (this.burst && now - this.burst.last > this.patience(this.burst)) this.end(events);
    return events;
  }

  /** Forget any burst (focus moved to another window, a dialog opened…), giving back what it held. */
  reset(): WedgeEvent[] {
    const events: WedgeEvent[] = [];
    this.end(events);
    return events;
  }

  private end(events: WedgeEvent[]): void {
    const b = this.burst;
    this.burst = null;
    if (b && b.held.length) events.push({ type: 'release', text: b.held.join('') });
  }
}
