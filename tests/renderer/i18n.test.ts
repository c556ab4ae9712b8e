/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { zh } from '../../renderer/src/i18n/zh';
import { en } from '../../renderer/src/i18n/en';
import { format } from '../../renderer/src/i18n/format';

/** Every dictionary module of the screens (finance, opening, orders…): each exports its <x>Zh and <x>En. */
const MODULES = import.meta.glob('../../renderer/src/i18n/*.ts', { eager: true });

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries({ ...zh, ...en })) expect(v.trim(), k).not.toBe('');
  });

  it('every message has the same placeholders in both languages', () => {
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
  });

  it('no two dictionary modules define the same key (the later spread would silently put one screen’s words on another)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, mod] of Object.entries(MODULES)) {
      for (const [name, dict] of Object.entries(mod as Record<string, unknown>)) {
        if (!/Zh$/.test(name) || typeof dict !== 'object' || dict === null || name === 'zh') continue;
        const where = `${file.split('/').pop()} ${name}`;
        for (const k of Object.keys(dict)) {
          const prev = seen.get(k);
          if (prev && prev !== where) clashes.push(`${k}: ${prev} / ${where}`);
          seen.set(k, where);
        }
      }
    }
    expect(Object.keys(MODULES).length).toBeGreaterThan(20);
    expect(clashes).toEqual([]);
  });

  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('已拣 {picked} / {ordered}', { picked: 3, ordered: 4 })).toBe('已拣 3 / 4');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
