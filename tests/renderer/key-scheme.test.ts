// The key scheme (renderer/src/nav.ts navKey, hooks/hotkeys.ts keyName, printing PRINT_KEYS): every
// screen of the navigation has a key that can be pressed (no Alt+10), the keys name what keyName
// reads off a real keydown, and no key bound anywhere in the renderer is one the browser, the
// window or a Chinese input method keeps for itself.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyName } from '../../renderer/src/hooks/hotkeys';
import { NAV_KEYS_MAX, navFor, navKey } from '../../renderer/src/nav';
import { rolesMayCall, type SessionApi } from '../../renderer/src/session';
import { SLIP_CREATE_ROLES } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/roles';
import { PRINT_KEYS } from '../../renderer/src/printing/PrintButtons';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Keys a page must not take: the browser's tabs, windows and address bar, the window manager, input methods. */
const RESERVED = new Set([
  'Ctrl+W',
  'Ctrl+R',
  'Ctrl+L',
  'Ctrl+T',
  'Ctrl+N',
  'Ctrl+Q',
  'Ctrl+Tab',
  'Ctrl+PageUp',
  'Ctrl+PageDown',
  'Ctrl+H',
  'Ctrl+J',
  'Ctrl+D',
  'Ctrl+O',
  'Ctrl+Space',
  'Ctrl+.',
  'Alt+F4',
  'Ctrl+F4',
  'Ctrl+F5',
  'F11',
  'F12',
  'Alt+Tab',
  'Alt+Space',
  'Alt+Home',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  // the window menu's mnemonics (electron/shell/menu.ts: 文件(&F) 编辑(&E) 视图(&V) 帮助(&H))
  'Alt+F',
  'Alt+E',
  'Alt+V',
  'Alt+H',
]);

/** Every set of roles one login may hold. */
function roleSets(): Role[][] {
  return Array.from({ length: 2 ** ROLES.length }, (_, bits) => ROLES.filter((_, i) => bits & (1 << i)));
}

/** What the navigation asks of the session, for a user holding `roles`. */
function sessionOf(roles: Role[]): SessionApi {
  return {
    has: (r: Role) => roles.includes(r),
    can: (m: Parameters<SessionApi['can']>[0]) => rolesMayCall(roles, m),
    canCreate: (k: Parameters<SessionApi['canCreate']>[0]) => roles.some((r) => SLIP_CREATE_ROLES[k].includes(r)),
  } as SessionApi;
}

/** A keydown as Chromium gives it (key, code, modifiers). */
function down(key: string, code: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) {
  return { key, code, altKey: !!mods.alt, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, metaKey: false } as KeyboardEvent;
}

/** Every key the renderer binds or shows: key maps ('Ctrl+S': …, F9: …), hotkey="…", and navKey / PRINT_KEYS. */
function boundKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f)) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/hotkey="([^"]+)"|'((?:Ctrl|Alt|Shift)\+[^']+)'\s*:|\b(F\d{1,2})\s*:/g)) keys.add(m[1] ?? m[2] ?? m[3]);
      }
    }
  };
  walk(join(ROOT, 'renderer', 'src'));
  for (let i = 0; i < NAV_KEYS_MAX; i++) keys.add(navKey(i));
  for (const k of Object.values(PRINT_KEYS)) keys.add(k);
  return keys;
}

describe('the key scheme', () => {
  it('gives the first ten screens Alt+1 … Alt+9, Alt+0 and the next ten Ctrl+Alt+1 … Ctrl+Alt+0: one digit each, never Alt+10', () => {
    expect(Array.from({ length: NAV_KEYS_MAX }, (_, i) => navKey(i))).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map((d) => `Alt+${d}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map((d) => `Ctrl+Alt+${d}`),
    ]);
    expect(() => navKey(NAV_KEYS_MAX)).toThrow(/no navigation key/);
  });

  it('gives every screen of every user a key, whatever roles they hold together (兼任)', () => {
    // 我的报销 and 费用报销 never show together, so the list may be longer than any one user's
    const most = Math.max(...roleSets().map((roles) => navFor(sessionOf(roles)).length));
    expect(most).toBeLessThanOrEqual(NAV_KEYS_MAX);
    expect(navFor(sessionOf([...ROLES])).length).toBe(most);
  });

  it('names each key as keyName reads the keydown, on the main row and the number pad', () => {
    expect(keyName(down('1', 'Digit1', { alt: true }))).toBe(navKey(0));
    expect(keyName(down('9', 'Numpad9', { alt: true }))).toBe(navKey(8));
    expect(keyName(down('0', 'Digit0', { alt: true }))).toBe(navKey(9));
    expect(keyName(down('1', 'Digit1', { ctrl: true, alt: true }))).toBe(navKey(10));
    // Ctrl+Alt is AltGr on some layouts: the key it types does not matter, the digit's code does
    expect(keyName(down('¹', 'Digit1', { ctrl: true, alt: true }))).toBe(navKey(10));
    expect(keyName(down('F8', 'F8'))).toBe(PRINT_KEYS.print);
    expect(keyName(down('F8', 'F8', { shift: true }))).toBe(PRINT_KEYS.preview);
    expect(keyName(down('F8', 'F8', { ctrl: true }))).toBe(PRINT_KEYS.save);
    expect(keyName(down('F1', 'F1'))).toBe('F1');
  });

  it('binds nothing the browser, the window menu or an input method keeps, and no Shift with Alt or Ctrl+Shift alone (IME switching)', () => {
    const keys = boundKeys();
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((k) => RESERVED.has(k))).toEqual([]);
    expect([...keys].filter((k) => /^(Alt\+Shift|Ctrl\+Shift)$/.test(k) || /Alt\+Shift\+|Shift\+Alt\+/.test(k))).toEqual([]);
    // the three print keys are one family on F8
    expect(Object.values(PRINT_KEYS)).toEqual(['F8', 'Shift+F8', 'Ctrl+F8']);
  });
});
