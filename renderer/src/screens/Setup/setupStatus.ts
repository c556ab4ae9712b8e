// What the office still lacks (office.setupStatus), kept once for the shell's banner and the setup
// screen: read again on each screen change, after each setup step saves, and — while the banner shows
// this user something not optional — after each write (a customer saved, items imported, the opening
// stock posted: the banner shrinks on the screen that did it), so both shrink together.
// Each item is for whoever may call the method that fixes it (the renderer offers only what the core allows).

import { useEffect, useSyncExternalStore } from 'react';
import { contract, type MethodName, type SetupItem } from '../../../../shared/contract';
import { call, onWritten } from '../../api';
import { rolesMayCall, type SessionApi } from '../../session';

let current: SetupItem[] | null = null;
const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};

/** Ask the core again; the banner and the setup screen follow. */
export async function refreshSetupStatus(): Promise<void> {
  const r = await call('office.setupStatus', {});
  if (!r.ok) return;
  current = r.value.missing;
  listeners.forEach((fn) => fn());
}

/** The missing items, read again whenever `key` changes (the route). */
export function useSetupStatus(key: string): SetupItem[] | null {
  useEffect(() => {
    void refreshSetupStatus();
  }, [key]);
  return useSyncExternalStore(subscribe, () => current);
}

/** While `active` (this user sees something not optional missing), ask again after each write the core takes. */
export function useRefreshOnWrite(active: boolean): void {
  useEffect(() => (active ? onWritten(() => void refreshSetupStatus()) : undefined), [active]);
}

/** The items this user may fix. */
export function fixableBy(items: SetupItem[], session: SessionApi): SetupItem[] {
  const roles = session.user?.roles ?? [];
  return items.filter((i) => i.method in contract && rolesMayCall(roles, i.method as MethodName));
}

// ---------------------------------------------------------------- the first log-in after office.init

const FRESH_KEY = 'desk.setup.fresh';

/** office.init succeeded: the administrator's first log-in opens the setup flow. */
export function markFreshOffice(): void {
  try {
    sessionStorage.setItem(FRESH_KEY, '1');
  } catch {
    /* no storage: the setup stays reachable from the navigation */
  }
}

/** True once after office.init (then forgotten). */
export function takeFreshOffice(): boolean {
  try {
    const fresh = sessionStorage.getItem(FRESH_KEY) === '1';
    sessionStorage.removeItem(FRESH_KEY);
    return fresh;
  } catch {
    return false;
  }
}
