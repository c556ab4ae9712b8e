import { describe, expect, it } from 'vitest';
import { charOf, WedgeMachine, type WedgeEvent, type WedgeKey } from '../../renderer/src/scan/wedge';

/** The physical key for one barcode character. */
function codeFor(ch: string): { code: string; shift: boolean } {
  if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, shift: false };
  if (/[a-z]/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shift: false };
  if (/[A-Z]/.test(ch)) return { code: `Key${ch}`, shift: true };
  if (ch === '-') return { code: 'Minus', shift: false };
  if (ch === '.') return { code: 'Period', shift: false };
  if (ch === '_') return { code: 'Minus', shift: true };
  if (ch === '|') return { code: 'Backslash', shift: true };
  if (ch === '/') return { code: 'Slash', shift: false };
  if (ch === '+') return { code: 'Equal', shift: true };
  if (ch === '=') return { code: 'Equal', shift: false };
  throw new Error(`no key for ${ch}`);
}

interface Typed {
  keys: WedgeKey[];
  end: number;
}

/** A scanner typing `code` from time t, `gap` ms apart, then `terminator`. */
function scanner(code: string, t: number, gap = 4, opts: { terminator?: string; ime?: boolean } = {}): Typed {
  const keys: WedgeKey[] = [];
  for (const ch of code) {
    const { code: c, shift } = codeFor(ch);
    keys.push({ code: c, key: opts.ime ? 'Process' : ch, time: t, shift, ime: opts.ime });
    t += gap;
  }
  keys.push({ code: opts.terminator ?? 'Enter', key: opts.terminator ?? 'Enter', time: t });
  return { keys, end: t };
}

/** A person typing `text` with `gap` ms between keys (no terminator). */
function person(text: string, t: number, gap = 150): Typed {
  const keys: WedgeKey[] = [];
  for (const ch of text) {
    const { code, shift } = codeFor(ch);
    keys.push({ code, key: ch, time: t, shift });
    t += gap;
  }
  return { keys, end: t - gap };
}

/** Feed keys; collect scans, what each key did, and run idle() between keys like a timer would. */
function run(m: WedgeMachine, keys: WedgeKey[], finalIdle = true) {
  const events: WedgeEvent[] = [];
  const swallowed: boolean[] = [];
  let landed = '';
  for (const k of keys) {
    const step = m.key(k);
    events.push(...step.events);
    for (const e of step.events) if (e.type === 'release') landed += e.text;
    swallowed.push(step.swallow);
    if (!step.swallow) {
      const ch = charOf(k);
      if (ch && !k.ime) landed += ch;
    }
  }
  if (finalIdle) {
    const last = keys.length ? keys[keys.length - 1].time : 0;
    for (const e of m.idle(last + 1000)) {
      events.push(e);
      if (e.type === 'release') landed += e.text;
    }
  }
  const scans = events.filter((e): e is Extract<WedgeEvent, { type: 'scan' }> => e.type === 'scan').map((e) => e.code);
  return { events, scans, swallowed, landed };
}

describe('wedge scanner state machine', () => {
  it('recognises one EAN-13 scan ended by Enter and swallows the tail and the Enter', () => {
    const m = new WedgeMachine();
    const r = run(m, scanner('6923456000100', 1000).keys);
    expect(r.scans).toEqual(['6923456000100']);
    // the first three keys land (they are removed afterwards via the snapshot), the rest are kept away
    expect(r.swallowed.slice(0, 3)).toEqual([false, false, false]);
    expect(r.swallowed.slice(3).every(Boolean)).toBe(true);
    expect(r.events[0]).toEqual({ type: 'burst', time: 1000 });
  });

  it('Tab also ends a scan', () => {
    const r = run(new WedgeMachine(), scanner('ABC-123', 0, 5, { terminator: 'Tab' }).keys);
    expect(r.scans).toEqual(['ABC-123']);
  });

  it('ten scans 30 ms apart give exactly ten events, in order', () => {
    const m = new WedgeMachine();
    const codes = Array.from({ length: 10 }, (_, i) => `69234560001${String(i).padStart(2, '0')}`);
    const keys: WedgeKey[] = [];
    let t = 500;
    for (const c of codes) {
      const s = scanner(c, t, 3);
      keys.push(...s.keys);
      t = s.end + 30;
    }
    const r = run(m, keys);
    expect(r.scans).toEqual(codes);
    expect(r.events.filter((e) => e.type === 'release')).toEqual([]);
  });

  it('back-to-back scans with no pause at all are still separate', () => {
    const m = new WedgeMachine();
    const a = scanner('11112222', 0, 2);
    const b = scanner('33334444', a.end + 1, 2);
    expect(run(m, [...a.keys, ...b.keys]).scans).toEqual(['11112222', '33334444']);
  });

  it('slow human typing passes through untouched and is never a scan', () => {
    const m = new WedgeMachine();
    const typed = person('12345678', 0, 120);
    const r = run(m, [...typed.keys, { code: 'Enter', key: 'Enter', time: typed.end + 120 }]);
    expect(r.scans).toEqual([]);
    expect(r.swallowed.every((s) => !s)).toBe(true);
    expect(r.landed).toBe('12345678');
  });

  it('a fast human who types 4+ keys in a rush gets every character back, in order', () => {
    const m = new WedgeMachine();
    // five keys 20 ms apart, then a pause, then more slow typing, no Enter in the burst
    const rush = person('abcde', 0, 20);
    const slow = person('fg', rush.end + 400, 200);
    const r = run(m, [...rush.keys, ...slow.keys]);
    expect(r.scans).toEqual([]);
    expect(r.landed).toBe('abcdefg');
  });

  it('a rush followed by a slow Enter is not a scan; the Enter passes', () => {
    const m = new WedgeMachine();
    const rush = person('12345', 0, 10);
    const r = run(m, [...rush.keys, { code: 'Enter', key: 'Enter', time: rush.end + 500 }]);
    expect(r.scans).toEqual([]);
    expect(r.swallowed[r.swallowed.length - 1]).toBe(false);
    expect(r.landed).toBe('12345');
  });

  it('fewer than four characters then Enter is typing, not a scan', () => {
    const r = run(new WedgeMachine(), scanner('123', 0, 3).keys);
    expect(r.scans).toEqual([]);
    expect(r.swallowed.every((s) => !s)).toBe(true);
  });

  it('reads physical keys while a Chinese IME is composing (key = Process)', () => {
    const m = new WedgeMachine();
    const r = run(m, scanner('6923456000117', 0, 4, { ime: true }).keys);
    expect(r.scans).toEqual(['6923456000117']);
    // nothing the IME took is "given back" as if it had been held
    expect(r.events.filter((e) => e.type === 'release')).toEqual([]);
  });

  it('reads numpad digits, and capitals sent with Shift', () => {
    const m = new WedgeMachine();
    const keys: WedgeKey[] = [
      { code: 'ShiftLeft', key: 'Shift', time: 0, shift: true },
      { code: 'KeyC', key: 'C', time: 1, shift: true },
      { code: 'Numpad1', key: '1', time: 3 },
      { code: 'Numpad2', key: '2', time: 6 },
      { code: 'NumpadSubtract', key: '-', time: 9 },
      { code: 'NumpadDecimal', key: '.', time: 12 },
      { code: 'Numpad9', key: '9', time: 15 },
      { code: 'NumpadEnter', key: 'Enter', time: 18 },
    ];
    expect(run(m, keys).scans).toEqual(['C12-.9']);
  });

  it('a modifier chord or a function key breaks a burst and is never swallowed', () => {
    const m = new WedgeMachine();
    const keys: WedgeKey[] = [...scanner('1234', 0, 3).keys.slice(0, 4), { code: 'F9', key: 'F9', time: 14 }, { code: 'Enter', key: 'Enter', time: 16 }];
    const r = run(m, keys);
    expect(r.scans).toEqual([]);
    expect(r.swallowed[4]).toBe(false);
    expect(r.landed).toBe('1234');
  });

  it('a scan right after slow typing is still whole', () => {
    const m = new WedgeMachine();
    const typed = person('55', 0, 200);
    const s = scanner('6923456000100', typed.end + 300, 5);
    const r = run(m, [...typed.keys, ...s.keys]);
    expect(r.scans).toEqual(['6923456000100']);
  });

  it('a late terminator (beyond the hold gap) makes it typing again', () => {
    const m = new WedgeMachine({ terminatorGap: 80 });
    const keys = scanner('99998888', 0, 3).keys;
    keys[keys.length - 1] = { ...keys[keys.length - 1], time: keys[keys.length - 2].time + 400 };
    expect(run(m, keys).scans).toEqual([]);
  });

  it('idle() before the terminator gap keeps the burst alive (a late timer never splits a scan)', () => {
    const m = new WedgeMachine();
    const keys = scanner('12345678', 0, 10).keys;
    const events: WedgeEvent[] = [];
    for (const k of keys) {
      events.push(...m.idle(k.time - 1));
      events.push(...m.key(k).events);
    }
    expect(events.filter((e) => e.type === 'scan').map((e) => (e as { code: string }).code)).toEqual(['12345678']);
    expect(events.filter((e) => e.type === 'release')).toEqual([]);
  });

  it('a busy page that delays the second or third key of a scan still gets the whole code', () => {
    // the first key lands in a search box whose re-render holds up the next key by 120 ms
    const m = new WedgeMachine();
    const keys = scanner('6923456000308', 0, 4).keys;
    for (let i = 1; i < keys.length; i++) keys[i] = { ...keys[i], time: keys[i].time + 120 };
    expect(run(m, keys).scans).toEqual(['6923456000308']);
    const m2 = new WedgeMachine();
    const keys2 = scanner('6923456000308', 0, 4).keys;
    for (let i = 2; i < keys2.length; i++) keys2[i] = { ...keys2[i], time: keys2[i].time + 100 };
    expect(run(m2, keys2).scans).toEqual(['6923456000308']);
  });

  it('a key typed just before a scan never joins the scan, even with a slow lead', () => {
    const m = new WedgeMachine();
    const typed = person('57', 0, 90);
    const s = scanner('6923456000100', typed.end + 120, 4);
    const r = run(m, [...typed.keys, ...s.keys]);
    expect(r.scans).toEqual(['6923456000100']);
  });

  it('back-to-back scans where the page stalls the second key of the next scan are still whole', () => {
    const m = new WedgeMachine();
    const keys: WedgeKey[] = [];
    let t = 0;
    for (let i = 0; i < 5; i++) {
      const s = scanner('6923456000117', t, 4);
      for (let j = 1; j < s.keys.length; j++) s.keys[j] = { ...s.keys[j], time: s.keys[j].time + 90 };
      keys.push(...s.keys);
      t = s.end + 90 + 30; // 30 ms after the Enter: not a quiet moment, but right after a scan
    }
    expect(run(m, keys).scans).toEqual(Array(5).fill('6923456000117'));
  });

  it('a stall in the middle of a recognised scan (page busy) does not cut the code', () => {
    const m = new WedgeMachine();
    const keys = scanner('6923456000117', 0, 4).keys;
    for (let i = 7; i < keys.length; i++) keys[i] = { ...keys[i], time: keys[i].time + 180 };
    expect(run(m, keys).scans).toEqual(['6923456000117']);
    // and a stall right before the Enter
    const m2 = new WedgeMachine();
    const keys2 = scanner('6923456000117', 0, 4).keys;
    keys2[keys2.length - 1] = { ...keys2[keys2.length - 1], time: keys2[keys2.length - 1].time + 200 };
    expect(run(m2, keys2).scans).toEqual(['6923456000117']);
  });

  it('a stall longer than the hold gap splits it: the head is given back as typing, the tail is the scan', () => {
    const m = new WedgeMachine();
    const keys = scanner('6923456000308', 0, 4).keys;
    for (let i = 6; i < keys.length; i++) keys[i] = { ...keys[i], time: keys[i].time + 400 };
    const r = run(m, keys);
    expect(r.scans).toEqual(['6000308']);
  });

  it('human typing at any steady pace never becomes a scan, even with fast Enter', () => {
    for (const gap of [40, 60, 90, 120, 150, 200]) {
      const m = new WedgeMachine();
      const typed = person('1234567890', 0, gap);
      const r = run(m, [...typed.keys, { code: 'Enter', key: 'Enter', time: typed.end + 10 }]);
      expect(r.scans).toEqual([]);
      expect(r.landed).toBe('1234567890');
    }
  });

  it('key repeat (a held-down key) is not a scan', () => {
    const m = new WedgeMachine();
    const keys: WedgeKey[] = Array.from({ length: 8 }, (_, i) => ({ code: 'Digit1', key: '1', time: i * 30, repeat: i > 0 }));
    keys.push({ code: 'Enter', key: 'Enter', time: 250 });
    expect(run(m, keys).scans).toEqual([]);
  });

  it('property: any interleaving of scans and slow typing yields each scan once and loses no typed key', () => {
    // deterministic pseudo-random generator
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      const m = new WedgeMachine();
      const keys: WedgeKey[] = [];
      const expectedScans: string[] = [];
      let expectedLanded = '';
      let t = 0;
      for (let i = 0; i < 12; i++) {
        if (rnd() < 0.5) {
          const len = 4 + Math.floor(rnd() * 12);
          const code = Array.from({ length: len }, () => '0123456789ABCXYZ-.'[Math.floor(rnd() * 18)]).join('');
          const s = scanner(code, t, 1 + Math.floor(rnd() * 30), { terminator: rnd() < 0.8 ? 'Enter' : 'Tab' });
          // sometimes the page is busy in the middle of a recognised scan: a stall of up to 200 ms
          if (rnd() < 0.3 && code.length > 4) {
            const at = 4 + Math.floor(rnd() * (code.length - 4));
            const stall = 40 + Math.floor(rnd() * 160);
            for (let j = at; j < s.keys.length; j++) s.keys[j] = { ...s.keys[j], time: s.keys[j].time + stall };
            s.end += stall;
          }
          keys.push(...s.keys);
          expectedScans.push(code);
          expectedLanded += code.slice(0, 3); // leaks into the field, removed later via the snapshot
          t = s.end + 1 + Math.floor(rnd() * 60);
        } else {
          const text = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => 'abc123'[Math.floor(rnd() * 6)]).join('');
          const p = person(text, t + 40, 40 + Math.floor(rnd() * 200));
          keys.push(...p.keys);
          expectedLanded += text;
          // from the keyboard to the scanner takes longer than the lead gap (150 ms): a key typed
          // less than that before a quiet-started scan would be taken as the scan's slow first key
          t = p.end + 160 + Math.floor(rnd() * 200);
        }
      }
      const r = run(m, keys);
      expect(r.scans).toEqual(expectedScans);
      expect(r.landed).toBe(expectedLanded);
    }
  });
});

describe('the printed slip QR (BD1|…) through the wedge', () => {
  const payload = 'BD1|FH260100001|' + 'ab12'.repeat(16) + '|' + 'Zk-9_xQ'.repeat(12) + 'AbC/+=';

  it('maps the US-layout keys a scanner sends for | / + = _', () => {
    expect(charOf({ code: 'Backslash', key: '|', time: 0, shift: true })).toBe('|');
    expect(charOf({ code: 'Backslash', key: '\\', time: 0 })).toBeNull();
    expect(charOf({ code: 'Slash', key: '/', time: 0 })).toBe('/');
    expect(charOf({ code: 'Slash', key: '?', time: 0, shift: true })).toBeNull();
    expect(charOf({ code: 'Equal', key: '=', time: 0 })).toBe('=');
    expect(charOf({ code: 'Equal', key: '+', time: 0, shift: true })).toBe('+');
    expect(charOf({ code: 'Minus', key: '_', time: 0, shift: true })).toBe('_');
    expect(charOf({ code: 'Minus', key: '-', time: 0 })).toBe('-');
    expect(charOf({ code: 'NumpadAdd', key: '+', time: 0 })).toBe('+');
    expect(charOf({ code: 'NumpadDivide', key: '/', time: 0 })).toBe('/');
  });

  it('reads them by physical key even when an IME shows Process or a full-width ｜', () => {
    expect(charOf({ code: 'Backslash', key: 'Process', time: 0, shift: true, ime: true })).toBe('|');
    expect(charOf({ code: 'Backslash', key: '｜', time: 0, shift: true })).toBe('|');
    expect(charOf({ code: 'Minus', key: '——', time: 0, shift: true })).toBe('_');
  });

  it('recognises a whole ~170-character slip QR payload as one scan', () => {
    expect(payload.length).toBeGreaterThan(150);
    const m = new WedgeMachine();
    const { keys } = scanner(payload, 1000, 8);
    const evs: WedgeEvent[] = [];
    for (const k of keys) evs.push(...m.key(k).events);
    const scans = evs.filter((e) => e.type === 'scan');
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ code: payload });
  });

  it('also with a Shift keydown before each shifted character', () => {
    const m = new WedgeMachine();
    const evs: WedgeEvent[] = [];
    let t = 5000;
    for (const ch of payload) {
      const { code, shift } = codeFor(ch);
      if (shift) evs.push(...m.key({ code: 'ShiftLeft', key: 'Shift', time: (t += 3), shift: true }).events);
      evs.push(...m.key({ code, key: ch, time: (t += 5), shift }).events);
    }
    evs.push(...m.key({ code: 'Enter', key: 'Enter', time: (t += 5) }).events);
    expect(evs.filter((e) => e.type === 'scan').map((e) => (e as { code: string }).code)).toEqual([payload]);
  });

  it('a GS1-128 typed with its AIM id and FNC1 as Ctrl+]: one scan, GS in the code, Ctrl does not break it', () => {
    const m = new WedgeMachine();
    const keys: WedgeKey[] = [];
    let t = 100;
    const type = (code: string, key: string, extra: Partial<WedgeKey> = {}) => keys.push({ code, key, time: (t += 4), ...extra });
    type('BracketRight', ']');
    for (const ch of 'C1010692345600010010B7') type(codeFor(ch).code, ch, { shift: codeFor(ch).shift });
    type('ControlLeft', 'Control', { ctrl: true });
    type('BracketRight', ']', { ctrl: true });
    for (const ch of '3012') type(`Digit${ch}`, ch);
    type('Enter', 'Enter');
    expect(run(m, keys).scans).toEqual([']C1010692345600010010B7\x1d3012']);
  });

  it('Ctrl+] typed alone by a person is no scan and lands nothing', () => {
    const r = run(new WedgeMachine(), [
      { code: 'ControlLeft', key: 'Control', time: 0, ctrl: true },
      { code: 'BracketRight', key: ']', time: 200, ctrl: true },
    ]);
    expect([r.scans, r.swallowed]).toEqual([[], [false, false]]);
  });
});
