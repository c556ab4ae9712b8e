import { describe, expect, it } from 'vitest';
import { zh } from '../../renderer/src/i18n/zh';
import { en } from '../../renderer/src/i18n/en';
import { format } from '../../renderer/src/i18n/format';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries({ ...zh, ...en })) expect(v.trim(), k).not.toBe('');
  });

  it('every message has the same placeholders in both languages', () => {
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
  });

  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('已拣 {picked} / {ordered}', { picked: 3, ordered: 4 })).toBe('已拣 3 / 4');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
