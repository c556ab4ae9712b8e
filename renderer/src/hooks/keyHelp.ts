// What the help overlay (F1) lists for the screen on show: every key hint row (KeyHints) and every
// button that shows its key (Btn hotkey) registers its [key, what it does] while mounted, so the
// overlay lists exactly the keys the screen offers now.

import { useEffect, useRef, useState } from 'react';

export type KeyHelpItem = [key: string, label: string];

const entries = new Map<number, KeyHelpItem[]>();
const listeners = new Set<() => void>();
let nextId = 1;

function changed(): void {
  for (const l of listeners) l();
}

/** Register these keys with the help overlay while the component is mounted. */
export function useKeyHelp(items: KeyHelpItem[]): void {
  const id = useRef(0);
  if (!id.current) id.current = nextId++;
  const sig = JSON.stringify(items);
  useEffect(() => {
    entries.set(id.current, JSON.parse(sig) as KeyHelpItem[]);
    changed();
    return () => {
      entries.delete(id.current);
      changed();
    };
  }, [sig]);
}

/** Every registered key once (the first label given for it wins), in the order they were registered. */
export function currentKeyHelp(): KeyHelpItem[] {
  const seen = new Set<string>();
  const out: KeyHelpItem[] = [];
  for (const items of entries.values())
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
