// A small hash router: #/slips/12 → ['slips', '12']. Hash routes survive a reload and work the
// same under Electron's app:// protocol and the browser-mode server.
//
// Leaving a page with input not yet on the desk asks first, however it is left: navigate() (the
// menu, Esc, F2), the browser's Back and Forward (the hash changes under us: the page goes back to
// where it was and asks), and closing or reloading the window (beforeunload: the browser's own
// prompt).

import { useEffect, useState } from 'react';
import type { DeskErr } from '../api';

/** An editor with input not yet on the desk: leaving asks, and "save and leave" saves first. */
export interface LeaveGuard {
  unsaved(): boolean;
  /** null once everything is on the desk, else why not */
  save(): Promise<DeskErr | null>;
}

let guard: LeaveGuard | null = null;
let prompt: ((go: () => void, guard: LeaveGuard) => void) | null = null;
/** the hash the app shows, and one it is going to itself (not to be asked about) */
let shown = typeof window === 'undefined' ? '' : window.location.hash;
let going: string | null = null;
const routeListeners = new Set<() => void>();
let installed = false;

/** The route now: #/slips/12 → ['slips', '12']. */
export function currentRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

function onHashChange(): void {
  const now = window.location.hash;
  if (now !== going && now !== shown && guard?.unsaved() && prompt) {
    // Back, Forward or a typed address while a slip has unsaved input: stay until the user says
    const back = shown;
    window.history.pushState(null, '', back || '#');
    prompt(() => go(now, false), guard);
    return;
  }
  going = null;
  shown = now;
  for (const fn of routeListeners) fn();
}

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (!guard?.unsaved()) return;
  e.preventDefault();
  // older browsers show the prompt only when returnValue is set
  e.returnValue = '';
}

function install(): void {
  if (installed) return;
  installed = true;
  shown = window.location.hash;
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    install();
    const on = () => setRoute(currentRoute());
    routeListeners.add(on);
    on();
    return () => void routeListeners.delete(on);
  }, []);
  return route;
}

/**
 * An editor with unsaved changes sets a guard; navigate() then asks the prompt (the app's leave
 * dialog) before leaving. `force` skips the guard (after a save or an explicit discard).
 */
export function setLeaveGuard(g: LeaveGuard | null): void {
  guard = g;
}

export function setLeavePrompt(p: ((go: () => void, guard: LeaveGuard) => void) | null): void {
  prompt = p;
}

function go(target: string, replace: boolean): void {
  // the guard stays: an editor that stays mounted (a new slip getting its number) keeps it,
  // and an editor that goes away removes it itself
  if (target === window.location.hash) return;
  going = target;
  if (replace) window.location.replace(target);
  else window.location.hash = target;
}

export function navigate(path: string, opts: { force?: boolean; replace?: boolean } = {}): void {
  const target = '#' + (path.startsWith('/') ? path : '/' + path);
  if (!opts.force && guard?.unsaved() && prompt) prompt(() => go(target, !!opts.replace), guard);
  else go(target, !!opts.replace);
}
