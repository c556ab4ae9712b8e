// Keyboard shortcuts in layers: the app's own (bottom), the screen's, then any open dialog (modal:
// keys stop there). A key goes to the top layer that knows it. Scanner keys never get here: the
// wedge swallows them in the capture phase before any of this runs.

import { useLayoutEffect, useRef } from 'react';

export type KeyMap = Record<string, (e: KeyboardEvent) => void>;

interface Layer {
  id: number;
  keys: () => KeyMap;
  modal: boolean;
}

const layers: Layer[] = [];
let nextId = 1;
let listening = false;

/** "Ctrl+Shift+F9" style name of a keydown. */
export function keyName(e: KeyboardEvent): string {
  let k = e.key;
  if (k === ' ') k = 'Space';
  if (k.length === 1) k = k.toUpperCase();
  if (/^(Numpad|Digit)\d$/.test(e.code) && (e.altKey || e.ctrlKey)) k = e.code.slice(-1);
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && k.length > 1) parts.push('Shift');
  parts.push(k);
  return parts.join('+');
}

function insideEditing(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('.ag-cell-inline-editing, .ag-popup-editor, [data-combo-open="true"]');
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  const name = keyName(e);
  if ((name === 'Escape' || name === 'Enter') && insideEditing(e.target)) return;
  for (let i = layers.length - 1; i >= 0; i--) {
    const fn = layers[i].keys()[name];
    if (fn) {
      e.preventDefault();
      fn(e);
      return;
    }
    if (layers[i].modal) return;
  }
}

/** Bind keys while mounted. `modal`: keys not bound here do not reach layers below (dialogs). */
export function useHotkeys(keys: KeyMap, opts: { enabled?: boolean; modal?: boolean } = {}): void {
  const ref = useRef(keys);
  ref.current = keys;
  const enabled = opts.enabled ?? true;
  const modal = opts.modal ?? false;
  // bound in the same commit that shows the screen or dialog, so a key pressed the moment it
  // appears (a keeper's Enter on a confirm dialog) is never lost to the screen underneath
  useLayoutEffect(() => {
    if (!enabled) return;
    if (!listening) {
      window.addEventListener('keydown', onKeyDown);
      listening = true;
    }
    const layer: Layer = { id: nextId++, keys: () => ref.current, modal };
    layers.push(layer);
    return () => {
      const i = layers.findIndex((l) => l.id === layer.id);
      if (i >= 0) layers.splice(i, 1);
    };
  }, [enabled, modal]);
}
