// ↓ from a search box into its grid (renderer/src/components/gridKeys.ts), on a fake grid api.

import { describe, expect, it } from 'vitest';
import { downIntoGrid, focusFirstRow, screenMayTakeFocus, type FocusableGridApi } from '../../renderer/src/components/gridKeys';

function fakeApi(rows: number, cols: string[], destroyed = false) {
  const calls: string[] = [];
  const api: FocusableGridApi = {
    isDestroyed: () => destroyed,
    getDisplayedRowCount: () => rows,
    getAllDisplayedColumns: () => cols.map((c) => ({ getColId: () => c })),
    ensureIndexVisible: (i) => void calls.push(`visible ${i}`),
    setFocusedCell: (i, c) => void calls.push(`focus ${i} ${c}`),
  };
  return { api, calls };
}

function key(k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) {
  const e = { key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods, nativeEvent: { isComposing: false }, prevented: false };
  return Object.assign(e, { preventDefault: () => void (e.prevented = true) });
}

describe('focusFirstRow', () => {
  it('scrolls to the first row and focuses its first shown column', () => {
    const { api, calls } = fakeApi(5, ['code', 'name']);
    expect(focusFirstRow(api)).toBe(true);
    expect(calls).toEqual(['visible 0', 'focus 0 code']);
  });
  it('does nothing on an empty, column-less, destroyed or missing grid', () => {
    for (const f of [fakeApi(0, ['code']), fakeApi(3, []), fakeApi(3, ['code'], true)]) {
      expect(focusFirstRow(f.api)).toBe(false);
      expect(f.calls).toEqual([]);
    }
    expect(focusFirstRow(null)).toBe(false);
    expect(focusFirstRow(undefined)).toBe(false);
  });
});

describe('downIntoGrid', () => {
  it('takes a plain ↓ into the grid and keeps it from moving the caret', () => {
    const { api, calls } = fakeApi(2, ['no']);
    const e = key('ArrowDown');
    downIntoGrid({ current: { api } })(e as never);
    expect(calls).toEqual(['visible 0', 'focus 0 no']);
    expect(e.prevented).toBe(true);
  });
  it('leaves other keys, modified ↓ and an empty grid to the search box', () => {
    const { api, calls } = fakeApi(2, ['no']);
    const onKey = downIntoGrid({ current: { api } });
    for (const e of [key('ArrowUp'), key('a'), key('ArrowDown', { shiftKey: true }), key('ArrowDown', { altKey: true })]) {
      onKey(e as never);
      expect(e.prevented).toBe(false);
    }
    expect(calls).toEqual([]);
    const empty = key('ArrowDown');
    downIntoGrid({ current: fakeApi(0, ['no']) })(empty as never);
    expect(empty.prevented).toBe(false);
    downIntoGrid({ current: null })(empty as never);
    expect(empty.prevented).toBe(false);
  });
});

describe('a screen takes the focus only when no dialog holds it', () => {
  const docWith = (inDialog: boolean | null) => ({
    activeElement: inDialog === null ? null : ({ closest: (sel: string) => (inDialog && sel.includes('dialog') ? {} : null) } as unknown as Element),
  });
  it('not while the focus is in a dialog; yes on the page, or with nothing focused', () => {
    expect(screenMayTakeFocus(docWith(true))).toBe(false);
    expect(screenMayTakeFocus(docWith(false))).toBe(true);
    expect(screenMayTakeFocus(docWith(null))).toBe(true);
  });
});
