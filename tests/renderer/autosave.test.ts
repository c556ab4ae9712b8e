// The autosave of a slip being edited (renderer/src/slip/autosave.ts), with fake timers and a fake
// desk: a change is saved shortly after, a burst of changes is one write, a change during a write
// gets its own write after it, a write whose answer never came is sent again unchanged with the
// same request id (so a create is never made twice), and a refusal stops it until the next change.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoSaver, type SaveStatus, type SlipWrite, type WriteResult } from '../../renderer/src/slip/autosave';
import type { DeskErr } from '../../renderer/src/api';

const OPTS = { delayMs: 800, maxDelayMs: 3000, retryMs: 2000, maxRetryMs: 15_000 };
const NETWORK: DeskErr = { code: 'network', message_zh: '无法连接', message_en: 'Cannot reach', details: {} };
const CONFLICT: DeskErr = { code: 'version_conflict', message_zh: '已被他人修改', message_en: 'changed', details: {} };

/** An editor with `lines` typed and a desk that stores what it gets, answering each request id once. */
function rig(opts: { inDoubt?: SlipWrite } = {}) {
  const desk = { slipId: null as number | null, version: 0, lines: 0, creates: 0, writes: 0, answers: new Map<string, WriteResult<number>>() };
  const editor = { lines: 0, savedLines: 0, slipId: null as number | null, version: 0, seq: 0 };
  const sent: SlipWrite[] = [];
  const statuses: SaveStatus[] = [];
  const refused: DeskErr[] = [];
  const doubts: (SlipWrite | null)[] = [];
  let fail: DeskErr | null = null;
  /** the desk takes the write but the answer is lost on the way */
  let loseAnswer = false;
  let gate: Promise<void> | null = null;
  const saver = new AutoSaver<number>(
    {
      next: () => {
        if (editor.lines === editor.savedLines) return null;
        const input = { lines: editor.lines, slipId: editor.slipId, version: editor.version };
        return { method: editor.slipId ? 'slips.update' : 'slips.create', input, requestId: `r${++editor.seq}` };
      },
      send: async (w) => {
        sent.push(w);
        if (gate) await gate;
        if (fail) return { ok: false, error: fail };
        let r = desk.answers.get(w.requestId);
        if (!r) {
          desk.writes++;
          if (w.method === 'slips.create') {
            desk.creates++;
            desk.slipId = 7;
          } else if (w.input.version !== desk.version) return { ok: false, error: CONFLICT };
          desk.version++;
          desk.lines = w.input.lines as number;
          r = { ok: true, value: desk.version };
          desk.answers.set(w.requestId, r);
        }
        return loseAnswer ? { ok: false, error: NETWORK } : r;
      },
      saved: (version, w) => {
        editor.slipId = desk.slipId;
        editor.version = version;
        editor.savedLines = w.input.lines as number;
      },
      refused: (e) => refused.push(e),
      status: (s) => statuses.push(s),
      inDoubt: (w) => doubts.push(w),
    },
    OPTS,
    opts.inDoubt ?? null,
  );
  return {
    desk,
    editor,
    sent,
    statuses,
    refused,
    doubts,
    saver,
    type(n = 1) {
      editor.lines += n;
      saver.changed();
    },
    failWith(e: DeskErr | null) {
      fail = e;
    },
    loseAnswers(v: boolean) {
      loseAnswer = v;
    },
    hold() {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

const settle = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

describe('slip autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a change shortly after it, once; nothing unchanged is written', async () => {
    const r = rig();
    r.type();
    expect(r.statuses.at(-1)).toEqual({ state: 'pending' });
    await settle(799);
    expect(r.sent).toHaveLength(0);
    await settle(1);
    expect(r.sent.map((w) => w.method)).toEqual(['slips.create']);
    expect(r.desk.lines).toBe(1);
    expect(r.statuses.at(-1)?.state).toBe('saved');
    expect(r.saver.busy).toBe(false);
    // nothing changed since: a flush (pagehide, leaving) writes nothing
    expect(await r.saver.flush()).toBe(true);
    expect(r.desk.writes).toBe(1);
  });

  it('a burst of scans is one write, and a long burst is saved within maxDelayMs', async () => {
    const r = rig();
    for (let i = 0; i < 5; i++) {
      r.type();
      await settle(300);
    }
    // 1.5 s of scanning every 300 ms: still waiting (each scan pushes the save back)
    expect(r.sent).toHaveLength(0);
    for (let i = 0; i < 5; i++) {
      r.type();
      await settle(300);
    }
    // never more than 3 s after the first unsaved scan
    expect(r.sent).toHaveLength(1);
    await settle(1000);
    expect(r.desk.lines).toBe(10);
    expect(r.desk.creates).toBe(1);
  });

  it('a change during a write is written after it, on the new version', async () => {
    const r = rig();
    r.type();
    const open = r.hold();
    await settle(800);
    expect(r.sent).toHaveLength(1);
    r.type(2);
    r.type(3);
    open();
    await settle(0);
    await settle(800);
    expect(r.sent.map((w) => [w.method, w.input.lines, w.input.version])).toEqual([
      ['slips.create', 1, 0],
      ['slips.update', 6, 1],
    ]);
    expect(r.desk).toMatchObject({ creates: 1, lines: 6, version: 2 });
    expect(r.editor.savedLines).toBe(6);
  });

  it('a create whose answer was lost is sent again with the same request id: one slip, then the newer lines', async () => {
    const r = rig();
    r.type();
    r.loseAnswers(true);
    await settle(800);
    expect(r.statuses.at(-1)).toMatchObject({ state: 'failed', retrying: true });
    expect(r.doubts.at(-1)?.requestId).toBe('r1');
    r.type(4); // more scans while the desk is away
    r.loseAnswers(false);
    await settle(2000);
    expect(r.sent.map((w) => [w.method, w.requestId])).toEqual([
      ['slips.create', 'r1'],
      ['slips.create', 'r1'],
      ['slips.update', 'r2'],
    ]);
    expect(r.desk).toMatchObject({ creates: 1, writes: 2, lines: 5 });
    expect(r.doubts.at(-1)).toBeNull();
  });

  it('retries a desk that cannot be reached, waiting longer each time', async () => {
    const r = rig();
    r.failWith(NETWORK);
    r.type();
    await settle(800);
    await settle(2000);
    await settle(4000);
    expect(r.sent).toHaveLength(3);
    r.failWith(null);
    await settle(8000);
    expect(r.desk.lines).toBe(1);
    expect(r.statuses.at(-1)?.state).toBe('saved');
  });

  it('a write in doubt from before a reload goes first, unchanged', async () => {
    const before = { method: 'slips.create' as const, input: { lines: 3, slipId: null, version: 0 }, requestId: 'old-1' };
    const r = rig({ inDoubt: before });
    r.editor.lines = 5;
    await settle(0);
    await settle(0);
    expect(r.sent.map((w) => w.requestId)).toEqual(['old-1', 'r1']);
    expect(r.desk).toMatchObject({ creates: 1, lines: 5 });
  });

  it('a refusal stops the autosave until the next change; the next change tries again', async () => {
    const r = rig();
    r.failWith(CONFLICT);
    r.type();
    await settle(800);
    expect(r.refused.map((e) => e.code)).toEqual(['version_conflict']);
    await settle(20_000);
    expect(r.sent).toHaveLength(1);
    // a plain flush (the timer, pagehide) does not hammer the refusal: not saved, nothing sent
    expect(await r.saver.flush()).toBe(false);
    expect(r.sent).toHaveLength(1);
    r.failWith(null);
    expect(await r.saver.saveNow()).toBe(true);
    expect(r.desk.lines).toBe(1);
  });

  it('flush saves at once and resolves when all is on the desk', async () => {
    const r = rig();
    r.type(60);
    expect(r.saver.busy).toBe(true);
    expect(await r.saver.flush()).toBe(true);
    expect(r.desk.lines).toBe(60);
    expect(r.saver.busy).toBe(false);
  });
});
