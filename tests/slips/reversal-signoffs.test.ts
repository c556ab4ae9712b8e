// A reversal (红字冲销) is signed: 经理审核 always, and 财务 — someone other than the manager —
// where the original moved money (a paid or credit sale, a refund). The signatures are the
// reversal slip's own, over its content, and verify with the office key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVERSE_SIGNOFFS } from '../helpers/index';
import { call, err, financeOffice, must, ok, postedDispatch, receive, tableCount, type DemoOffice } from '../helpers/finance';
import { verifyBooks } from '../../electron/domains/system/verify';
import { SECOND_PIN } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const { manager, finance } = REVERSE_SIGNOFFS;

describe('红字冲销 needs its signatures', () => {
  it('an inbound slip: the manager’s PIN is enough; the reversal carries a valid 经理 signature', async () => {
    const inb = await receive(o, [['CZ-8801', 5, 3000]]);
    const noPin = err(await call(o, 'keeper', 'slips.reverse', { slipId: inb.id, reason: '录错' } as never));
    expect([noPin.code, noPin.details.field]).toEqual(['invalid_input', 'manager']);
    const wrongRole = err(await call(o, 'keeper', 'slips.reverse', { slipId: inb.id, reason: '录错', manager: finance }));
    expect(wrongRole.code).toBe('role_not_held');
    const { reversal } = await must(o, 'keeper', 'slips.reverse', { slipId: inb.id, reason: '录错', manager });
    expect(reversal.signatures.map((s) => [s.role, s.userName, s.valid])).toEqual([['manager', manager.user, true]]);
  });

  it('a cash sale: 财务 is needed too, from someone else; nothing is written until both are there', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    const noFinance = err(await call(o, 'keeper', 'slips.reverse', { slipId: d.id, reason: '客户拒收', manager }));
    expect([noFinance.code, noFinance.message_zh]).toEqual(['slip_field_required', '请填写财务签字 (原单涉及收付款)']);
    await must(o, 'admin', 'users.create', { name: '孙兼任', roles: ['manager', 'finance'], pin: '6363', secondPin: SECOND_PIN });
    const both = { user: '孙兼任', pin: '6363' };
    const before = { slips: tableCount(o, 'slips'), journal: tableCount(o, 'money_journal'), audit: tableCount(o, 'audit_log') };
    expect(err(await call(o, 'keeper', 'slips.reverse', { slipId: d.id, reason: '客户拒收', manager: both, finance: both })).code).toBe('self_approval');
    expect({ slips: tableCount(o, 'slips'), journal: tableCount(o, 'money_journal'), audit: tableCount(o, 'audit_log') }).toEqual(before);
    const { reversal } = await must(o, 'keeper', 'slips.reverse', { slipId: d.id, reason: '客户拒收', manager: both, finance });
    expect(reversal.signatures.map((s) => [s.role, s.userName, s.valid])).toEqual([
      ['manager', '孙兼任', true],
      ['finance', finance.user, true],
    ]);
    expect(verifyBooks(o.core.db).problems).toEqual([]);
  });

  it('a credit sale moved a receivable: 财务 signs its reversal as well', async () => {
    const d = await postedDispatch(o, 'KH002', 'credit', [['CZ-8802', 1]]);
    expect(err(await call(o, 'manager', 'slips.reverse', { slipId: d.id, reason: '客户改单', manager })).code).toBe('slip_field_required');
    ok(await call(o, 'manager', 'slips.reverse', { slipId: d.id, reason: '客户改单', manager, finance }));
  });
});
