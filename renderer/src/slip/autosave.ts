// The autosave of a slip being edited, as plain logic (no React, unit-tested in
// tests/renderer/autosave.test.ts): a change schedules a save `delayMs` later (each further
// change pushes it back a little, never past `maxDelayMs` from the first), one write at a time,
// and a change made while a write is out gets its own write after it. A write whose answer never
// came (the network, a desk restarting) is in doubt: it is sent again unchanged, with the same
// request id, before anything newer — the core answers a request id it has seen with its first
// answer, so a create is never made twice and an update never lost or applied twice. Any other
// refusal stops the autosave until the next change (the editor shows why).

import type { DeskErr } from '../api';

/** One write, ready to send: what it is (kept for a resend after a reload) and how to send it. */
export interface SlipWrite {
  method: 'slips.create' | 'slips.update';
  input: Record<string, unknown>;
  requestId: string;
}

export type SaveStatus =
  | { state: 'idle' }
  /** a change waits for its save */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; atMs: number }
  /** `retrying`: the desk could not be reached, the save is tried again by itself */
  | { state: 'failed'; error: DeskErr; retrying: boolean };

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: DeskErr };

export interface AutoSaverDeps<T> {
  /** the write for the editor's state now (built fresh: the latest version), or null when nothing is unsaved */
  next(): SlipWrite | null;
  send(w: SlipWrite, opts: { keepalive: boolean }): Promise<WriteResult<T>>;
  /** the core took the write (a resent one too: its answer is the first one's) */
  saved(value: T, w: SlipWrite): void;
  /** a refusal the user must see (not a network failure, which is retried) */
  refused(error: DeskErr): void;
  status(s: SaveStatus): void;
  /** the write in doubt changed (null: none): keep it where a reload finds it */
  inDoubt(w: SlipWrite | null): void;
  now?(): number;
}

export interface AutoSaverOptions {
  delayMs: number;
  maxDelayMs: number;
  retryMs: number;
  maxRetryMs: number;
}

export const AUTOSAVE_TIMING: AutoSaverOptions = { delayMs: 800, maxDelayMs: 3000, retryMs: 2000, maxRetryMs: 15_000 };

/** Codes that mean the answer never came: the write may or may not have happened. */
const IN_DOUBT_CODES = new Set(['network']);

export class AutoSaver<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  /** the writes run one after the other on this chain */
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private sending = false;
  private doubt: SlipWrite | null;
  private blocked = false;
  private retryDelay: number;
  private disposed = false;
  /** why the last write failed (null after a success) */
  lastError: DeskErr | null = null;

  constructor(
    private deps: AutoSaverDeps<T>,
    private opts: AutoSaverOptions = AUTOSAVE_TIMING,
    inDoubt: SlipWrite | null = null,
  ) {
    this.doubt = inDoubt;
    this.retryDelay = opts.retryMs;
    if (inDoubt) this.schedule(0);
  }

  private now(): number {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  /** Something typed is not on the desk yet, or a write is out: leaving now would need a save. */
  get busy(): boolean {
    return this.queued > 0 || this.timer !== null || this.doubt !== null;
  }

  /** The editor changed: save a moment later. */
  changed(): void {
    if (this.disposed) return;
    this.blocked = false;
    this.retryDelay = this.opts.retryMs;
    const at = this.now();
    this.firstChangeAt ??= at;
    const wait = Math.max(0, Math.min(this.opts.delayMs, this.firstChangeAt + this.opts.maxDelayMs - at));
    if (!this.sending) this.deps.status({ state: 'pending' });
    this.schedule(wait);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** The user asked to save (F4, leaving): try again even after a refusal. */
  saveNow(opts: { keepalive?: boolean } = {}): Promise<boolean> {
    this.blocked = false;
    return this.flush(opts);
  }

  /**
   * Save now what is unsaved (the timer, pagehide, leaving the slip, F4): resolves true when
   * everything typed is on the desk, false when a write failed. One write at a time: a flush
   * during a write runs after it.
   */
  flush(opts: { keepalive?: boolean } = {}): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queued++;
    const run = this.chain.then(() => this.drain(!!opts.keepalive)).finally(() => this.queued--);
    this.chain = run.catch(() => false);
    return run;
  }

  private async drain(keepalive: boolean): Promise<boolean> {
    this.firstChangeAt = null;
    // what changes during a write is written right after it; the bound only guards against a loop
    for (let i = 0; i < 50 && !this.disposed; i++) {
      const w = this.doubt ?? (this.blocked ? null : this.deps.next());
      if (!w) break;
      const r = await this.write(w, keepalive);
      if (!r.ok && IN_DOUBT_CODES.has(r.error.code)) return this.retryLater(r.error);
      this.doubt = null;
      this.deps.inDoubt(null);
      this.lastError = r.ok ? null : r.error;
      if (!r.ok) {
        this.blocked = true;
        this.deps.status({ state: 'failed', error: r.error, retrying: false });
        this.deps.refused(r.error);
        return false;
      }
      this.retryDelay = this.opts.retryMs;
      this.deps.saved(r.value, w);
      this.deps.status(this.timer ? { state: 'pending' } : { state: 'saved', atMs: this.now() });
    }
    return !this.blocked;
  }

  private async write(w: SlipWrite, keepalive: boolean): Promise<WriteResult<T>> {
    this.doubt = w;
    this.deps.inDoubt(w);
    this.sending = true;
    this.deps.status({ state: 'saving' });
    try {
      return await this.deps.send(w, { keepalive });
    } catch (e) {
      return { ok: false, error: { code: 'network', message_zh: String(e), message_en: String(e), details: {} } };
    } finally {
      this.sending = false;
    }
  }

  private retryLater(error: DeskErr): false {
    this.lastError = error;
    this.deps.status({ state: 'failed', error, retrying: true });
    const wait = this.retryDelay;
    this.retryDelay = Math.min(this.opts.maxRetryMs, this.retryDelay * 2);
    if (!this.disposed) this.schedule(wait);
    return false;
  }

  /** Mounted again (React's StrictMode mounts twice in development): saving goes on. */
  resume(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
