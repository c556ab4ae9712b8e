// Who is at the desk. The token lives in memory and in sessionStorage (a reload keeps it; closing
// the window ends it). Switching user on a shared PC is one log-in over the current one. When the
// session is gone (the desk restarted, the session expired) the user stays on screen, `lost`:
// the log-in dialog over it (ReloginDialog) takes the same user's PIN, and the calls that found
// the session gone are sent again (api.ts setSessionRecovery) — nothing on the screen is lost.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, SLIP_CREATE_ROLES, type CreatableSlipKind, type MethodName, type Output } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import {
  call,
  loadStoredSession,
  onSessionLost,
  setSessionRecovery,
  setSessionToken,
  storeSession,
  type ApiResult,
  type DeskErr,
  type StoredSession,
} from './api';
import { dropKeptDrafts } from './slip/kept';
import { readScopeOf, type ReadScope } from '../../shared/readScope';

export type SessionUser = Output<'auth.login'>['user'];

export interface SessionApi {
  user: SessionUser | null;
  /** checking a stored session after a reload */
  restoring: boolean;
  /** the session is gone: the same user logs in again over the screen */
  lost: boolean;
  /** log the same user in again; the calls waiting for it go on */
  relogin(pin: string): Promise<DeskErr | null>;
  /** someone else logs in instead: back to the login screen, unsaved changes dropped */
  giveUp(): void;
  login(user: number, pin: string): Promise<ApiResult<SessionUser>>;
  logout(): Promise<void>;
  has(role: Role): boolean;
  /** the contract lets this user call the method */
  can(method: MethodName): boolean;
  canCreate(kind: CreatableSlipKind): boolean;
  /** what this user may read (保密制度): the same rule table the core applies (shared/readScope.ts) */
  scope: ReadScope;
}

export function rolesMayCall(roles: readonly Role[], method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'public' || access === 'any') return true;
  return roles.some((r) => (access as readonly string[]).includes(r));
}

const Ctx = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const stored = loadStoredSession();
  const [session, setSession] = useState<StoredSession | null>(stored);
  const [restoring, setRestoring] = useState<boolean>(!!stored);
  const [lost, setLost] = useState(false);
  // the calls that wait for the user to log in again
  const waiting = useRef<{ promise: Promise<boolean>; resolve(ok: boolean): void } | null>(null);
  const waitForLogin = useCallback((): Promise<boolean> => {
    if (!waiting.current) {
      let resolve!: (ok: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      waiting.current = { promise, resolve };
      setLost(true);
    }
    return waiting.current.promise;
  }, []);
  const endWait = (ok: boolean) => {
    waiting.current?.resolve(ok);
    waiting.current = null;
    setLost(false);
  };

  useEffect(() => {
    setSessionRecovery(waitForLogin);
    return () => setSessionRecovery(null);
  }, [waitForLogin]);

  useEffect(() => {
    if (!stored) return;
    setSessionToken(stored.sessionToken);
    void call('auth.whoami', {}, { sessionToken: stored.sessionToken }).then((r) => {
      if (r.ok) {
        const s = { sessionToken: stored.sessionToken, user: r.value };
        setSession(s);
        storeSession(s);
      } else if (r.error.code === 'not_logged_in') {
        // a reload after the desk restarted: the same screen, and the log-in over it
        void waitForLogin();
      } else {
        setSession(null);
        storeSession(null);
        setSessionToken(null);
      }
      setRestoring(false);
    });
    // once, at start
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () =>
      onSessionLost(() => {
        setSession(null);
        storeSession(null);
        setSessionToken(null);
      }),
    [],
  );

  const login = useCallback(async (user: number, pin: string): Promise<ApiResult<SessionUser>> => {
    const r = await call('auth.login', { user, pin });
    if (!r.ok) return r;
    const prev = loadStoredSession();
    const s = { sessionToken: r.value.sessionToken, user: r.value.user };
    setSessionToken(s.sessionToken);
    storeSession(s);
    setSession(s);
    // the previous user's session on this PC ends with the switch
    if (prev && prev.sessionToken !== s.sessionToken) void call('auth.logout', {}, { sessionToken: prev.sessionToken });
    return { ok: true, value: r.value.user };
  }, []);

  const relogin = useCallback(
    async (pin: string): Promise<DeskErr | null> => {
      if (!session) return null;
      const r = await call('auth.login', { user: session.user.id, pin });
      if (!r.ok) return r.error;
      const s = { sessionToken: r.value.sessionToken, user: r.value.user };
      setSessionToken(s.sessionToken);
      storeSession(s);
      setSession(s);
      endWait(true);
      return null;
    },
    [session],
  );

  const giveUp = useCallback(() => {
    setSessionToken(null);
    storeSession(null);
    dropKeptDrafts();
    setSession(null);
    endWait(false);
  }, []);

  const logout = useCallback(async () => {
    await call('auth.logout', {});
    setSessionToken(null);
    storeSession(null);
    dropKeptDrafts();
    setSession(null);
  }, []);

  const value = useMemo<SessionApi>(() => {
    const roles = session?.user.roles ?? [];
    return {
      user: session?.user ?? null,
      restoring,
      lost,
      relogin,
      giveUp,
      login,
      logout,
      has: (r) => roles.includes(r),
      can: (m) => !!session && rolesMayCall(roles, m),
      canCreate: (k) => roles.some((r) => SLIP_CREATE_ROLES[k].includes(r)),
      scope: readScopeOf(roles),
    };
  }, [session, restoring, lost, relogin, giveUp, login, logout]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
