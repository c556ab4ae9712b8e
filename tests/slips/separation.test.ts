// Separation of duties on a slip's signatures (office-rules: 兼任 is allowed, self-approval is
// not): one person holding both the manager's and the finance supervisor's roles may sign a slip
// as either, never as both; the second signature must come from someone else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, draft, err, financeOffice, must, ok, tableCount, type DemoOffice } from '../helpers/finance';
import { SECOND_PIN } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
  await must(o, 'admin', 'users.create', { name: '赵兼任', roles: ['manager', 'finance'], pin: '7788', secondPin: SECOND_PIN });
});
afterEach(() => o.close());

const sign = (slipId: number, role: 'manager' | 'finance', user: string, pin: string) => call(o, 'sales', 'slips.sign', { slipId, role, user, pin });

describe('one person, one signature per slip', () => {
  it('a manager who is also finance signs as manager; the finance signature by the same person is refused and writes nothing', async () => {
    const d = await draft(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    ok(await sign(d.id, 'manager', '赵兼任', '7788'));
    const before = { sigs: tableCount(o, 'signatures'), journal: tableCount(o, 'money_journal'), audit: tableCount(o, 'audit_log') };
    const e = err(await sign(d.id, 'finance', '赵兼任', '7788'));
    expect(e.code).toBe('self_approval');
    expect(e.message_zh).toContain('赵兼任');
    expect(e.message_zh).toContain('经理');
    expect(e.message_en).toMatch(/someone else/);
    expect({ sigs: tableCount(o, 'signatures'), journal: tableCount(o, 'money_journal'), audit: tableCount(o, 'audit_log') }).toEqual(before);
    // someone else gives it, and the slip is complete
    const signed = ok(await sign(d.id, 'finance', o.names.finance, o.pins.finance));
    expect(signed.signatures.filter((s) => s.valid).map((s) => s.role)).toEqual(['manager', 'finance']);
  });

  it('the same person may give the finance signature on a slip another manager signed', async () => {
    const d = await draft(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    ok(await sign(d.id, 'manager', o.names.manager, o.pins.manager));
    const signed = ok(await sign(d.id, 'finance', '赵兼任', '7788'));
    expect(signed.signatures.map((s) => s.userName)).toEqual([o.names.manager, '赵兼任']);
  });

  it('a signature the slip no longer matches (lines changed) does not count against the signer', async () => {
    const d = await draft(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const signed = ok(await sign(d.id, 'manager', '赵兼任', '7788'));
    const edited = await must(o, 'sales', 'slips.update', { slipId: d.id, version: signed.version, lines: [{ itemId: o.itemId('CZ-8801'), qty: 3 }] });
    expect(edited.signatures.every((s) => !s.valid)).toBe(true);
    ok(await sign(d.id, 'manager', o.names.manager, o.pins.manager));
    ok(await sign(d.id, 'finance', '赵兼任', '7788'));
  });
});
