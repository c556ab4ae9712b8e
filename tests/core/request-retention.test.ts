// Idempotency retention (core/requests.ts): a request id keeps only what a retry needs (each slip
// in the answer as its id), a retry still gets the same answer, and ids past the retention period
// are deleted when the core opens and after a close of day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { balances, countsFor, dayAt, financeOffice } from '../helpers/finance';
import { ok, type DemoOffice } from '../helpers';
import type { MethodName } from '../../shared/contract';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const keptBytes = () =>
  o.core.db
    .prepare(
      'SELECT COALESCE(SUM(length(request_id) + length(method) + length(fingerprint) + length(answer_json) + length(answer_sha256) + length(at) + 8), 0) FROM requests',
    )
    .pluck()
    .get() as number;

async function lifecycle(tag: string) {
  const c = (m: MethodName, input: unknown, who: keyof DemoOffice['tokens'], rid: string) =>
    o.core.callUnknown(m, input, { sessionToken: o.tokens[who], requestId: `${tag}-${rid}` });
  const calls: [MethodName, unknown, keyof DemoOffice['tokens'], string][] = [];
  const draft = {
    kind: 'dispatch',
    customerId: o.customerId('KH001'),
    paymentMode: 'cash',
    lines: [
      { itemId: o.itemId('CZ-8801'), qty: 2 },
      { itemId: o.itemId('WY-4001'), qty: 3 },
    ],
  };
  calls.push(['slips.create', draft, 'sales', 'create']);
  const s = ok(await c(...calls[0])) as { id: number; version: number };
  calls.push(['slips.update', { slipId: s.id, version: s.version, memo: '加急' }, 'sales', 'update']);
  calls.push(['slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, 'sales', 'manager']);
  calls.push(['slips.sign', { slipId: s.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, 'sales', 'finance']);
  calls.push(['slips.post', { slipId: s.id }, 'keeper', 'post']);
  const answers = [s as unknown];
  for (const call of calls.slice(1)) answers.push(ok(await c(...call)));
  return { calls, answers, c };
}

describe('idempotency retention', () => {
  it('keeps each slip of an answer as its id, and a retry still gets the answer it got the first time', async () => {
    const before = keptBytes();
    const { calls, answers, c } = await lifecycle('a');
    const perLifecycle = keptBytes() - before;
    const rows = o.core.db.prepare("SELECT method, answer_json, user_id FROM requests WHERE request_id LIKE 'a-%' ORDER BY at, rowid").all() as {
      answer_json: string;
      user_id: number;
    }[];
    expect(rows.map((r) => JSON.parse(r.answer_json))).toEqual(answers.map((a) => ({ $slip: (a as { id: number }).id })));
    expect(rows.every((r) => r.user_id > 0)).toBe(true);
    expect(perLifecycle).toBeLessThan(1600); // five calls; the full answers were ~8.5 kB for this slip
    // the last answer is the slip as it is now: its retry gives exactly the same
    expect(ok(await c(...calls[4]))).toEqual(answers[4]);
    // an earlier answer's retry gives the same slip, as it is now
    const again = ok(await c(...calls[0])) as { id: number; state: string };
    expect([again.id, again.state]).toEqual([(answers[0] as { id: number }).id, 'posted']);
  });

  it('keeps a reversal answer (two slips) as two ids and rebuilds both', async () => {
    const { answers } = await lifecycle('b');
    const posted = answers[4] as { id: number };
    const input = {
      slipId: posted.id,
      reason: '客户拒收',
      manager: { user: o.names.manager, pin: o.pins.manager },
      finance: { user: o.names.finance, pin: o.pins.finance },
    };
    const meta = { sessionToken: o.tokens.keeper, requestId: 'rev-1' };
    const first = await o.core.callUnknown('slips.reverse', input, meta);
    if (!first.ok) return expect.fail(first.error.message_en);
    const kept = o.core.db.prepare("SELECT answer_json FROM requests WHERE request_id = 'rev-1'").pluck().get() as string;
    expect(Object.keys(JSON.parse(kept))).toEqual(['original', 'reversal']);
    expect(JSON.parse(kept).original).toEqual({ $slip: posted.id });
    expect(ok(await o.core.callUnknown('slips.reverse', input, meta))).toEqual(first.value);
  });

  it('deletes request ids older than the retention period after a close of day', async () => {
    await lifecycle('old');
    expect(o.core.db.prepare("SELECT COUNT(*) FROM requests WHERE request_id LIKE 'old-%'").pluck().get()).toBe(5);
    const close = (rid: string) =>
      o.core.call(
        'dayClose.close',
        {
          date: '2026-11-29',
          counts: countsFor(cash),
          channels: { wechat: 0, alipay: 0, bank: 0 },
          finance: { user: o.names.finance, pin: o.pins.finance },
          statistician: { user: o.names.statistician, pin: o.pins.statistician },
        },
        { sessionToken: o.tokens.finance, requestId: rid },
      );
    const cash = (await balances(o)).cash;
    await dayAt(o, '2026-12-07'); // 8 days on: past the period
    ok(await close('close-1'));
    expect(o.core.db.prepare('SELECT request_id FROM requests').pluck().all()).toEqual(['close-1']);
  });

  it('deletes them when the core opens', async () => {
    await lifecycle('old');
    await dayAt(o, '2026-12-07');
    const fresh = await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId }, { sessionToken: o.tokens.keeper, requestId: 'fresh' });
    expect(fresh.ok).toBe(true);
    expect(o.core.db.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBeGreaterThan(5);
    const reopened = await createCore({ dbPath: o.dbPath, clock: o.clock.now, pinCost: 1024 });
    try {
      expect(reopened.db.prepare('SELECT request_id FROM requests').pluck().all()).toEqual(['fresh']);
    } finally {
      reopened.close();
    }
  });
});
