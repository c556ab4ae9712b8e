// A small hash router: #/slips/12 → ['slips', '12']. Hash routes survive a reload and work the
// same under Electron's app:// protocol and the browser-mode server.

import { useEffect, useState } from 'react';

let guard: (() => boolean) | null = null;
let prompt: ((go: () => void) => void) | null = null;

/** The route now: #/slips/12 → ['slips', '12']. */
export function currentRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/**
 * An editor with unsaved changes sets a guard; navigate() then asks the prompt (the app's confirm
 * dialog) before leaving. `force` skips the guard (after a save or an explicit discard).
 */
export function setLeaveGuard(isDirty: (() => boolean) | null): void {
  guard = isDirty;
}

export function setLeavePrompt(p: ((go: () => void) => void) | null): void {
  prompt = p;
}

export function navigate(path: string, opts: { force?: boolean; replace?: boolean } = {}): void {
  const go = () => {
    // the guard stays: an editor that stays mounted (a new slip getting its number) keeps it,
    // and an editor that goes away removes it itself
    const target = '#' + (path.startsWith('/') ? path : '/' + path);
    if (opts.replace) window.location.replace(target);
    else window.location.hash = target;
  };
  if (!opts.force && guard && guard() && prompt) prompt(go);
  else go();
}
