// What the help overlay (F1) lists for the screen on show: every key hint row (KeyHints) and every
// button that shows its key (Btn hotkey) registers its [key, what it does] while mounted, so the
// overlay lists exactly the keys the screen offers now: the key hint rows first (they are the
// screen's own account of its keys, in its order), then the buttons' keys not named there.

import { useEffect, useRef, useState } from 'react';

export type KeyHelpItem = [key: string, label: string];

const entries = new Map<number, { rank: number; items: KeyHelpItem[] }>();
const listeners = new Set<() => void>();
let nextId = 1;

function changed(): void {
  for (const l of listeners) l();
}

/** Register these keys with the help overlay while the component is mounted; `from` orders them. */
export function useKeyHelp(items: KeyHelpItem[], from: 'hints' | 'button'): void {
  const rank = from === 'hints' ? 0 : 1;
  const id = useRef(0);
  if (!id.current) id.current = nextId++;
  const sig = JSON.stringify(items);
  useEffect(() => {
    entries.set(id.current, { rank, items: JSON.parse(sig) as KeyHelpItem[] });
    changed();
    return () => {
      entries.delete(id.current);
      changed();
    };
  }, [sig, rank]);
}

/** Every registered key once (the first label given for it wins), in the order they were registered. */
export function currentKeyHelp(): KeyHelpItem[] {
  const seen = new Set<string>();
  const out: KeyHelpItem[] = [];
  const byRank = [...entries.values()].sort((a, b) => a.rank - b.rank);
  for (const { items } of byRank)
    for (const [k, l] of items) {
      if (seen.has(k) || !k || !l) continue;
      seen.add(k);
      out.push([k, l]);
    }
  return out;
}

/** The registered keys, kept current while shown. */
export function useCurrentKeyHelp(): KeyHelpItem[] {
  const [items, setItems] = useState(currentKeyHelp);
  useEffect(() => {
    const fn = () => setItems(currentKeyHelp());
    listeners.add(fn);
    fn();
    return () => void listeners.delete(fn);
  }, []);
  return items;
}
