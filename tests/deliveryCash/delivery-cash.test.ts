// 送货收款: a cash dispatch whose money the carrier collects at the customer's. Finance's signature
// books nothing; the goods do not leave without a carrier; posting puts what shipped in transit with
// the carrier; finance takes it with the carrier's PIN (现收 on that day); the close of day reconciles
// with the money in transit and lists it by person; a reversal first cancels it. The books verify at
// every step; refusals name the field and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { REVERSE_SIGNOFFS } from '../helpers';
import { expectClean, financeOffice, must, refused, signFinance, signManager, tableCount, ok, type DemoOffice } from '../helpers/finance';

describe('送货收款 (cash collected on delivery by the carrier)', () => {
  let o: DemoOffice;
  let driverId: number;
  const driverPin = () => ({ user: o.names.driver, pin: o.pins.driver });
  const cod = async (lines: [string, number][]) => {
    const d = await must(o, 'sales', 'slips.create', {
      kind: 'dispatch',
      customerId: o.customerId('KH001'),
      paymentMode: 'cash',
      collectByCarrier: true,
      lines: lines.map(([code, qty]) => ({ itemId: o.itemId(code), qty })),
    });
    await signManager(o, d.id);
    return ok(await signFinance(o, d.id));
  };
  const cash = async () => (await must(o, 'finance', 'cash.accounts', {})).find((a) => a.account === 'cash')!.balanceFen;

  beforeAll(async () => {
    o = await financeOffice();
    driverId = (await must(o, 'keeper', 'slips.carriers', {}))[0].id;
  });
  afterAll(() => o.close());

  it('finance’s signature books nothing; the goods wait for a carrier; posting puts what shipped in transit', async () => {
    const before = await cash();
    const d = await cod([['CZ-8801', 10]]);
    expect([d.collectByCarrier, d.missingSignatures, d.deliveryCash]).toEqual([true, [], null]);
    expect(await cash()).toBe(before);
    const rows = tableCount(o, 'stock_moves');
    const e = await refused(o, 'keeper', 'slips.post', { slipId: d.id });
    expect([e.code, e.details.field, e.message_zh]).toEqual([
      'cod_needs_carrier',
      'carrierId',
      `${d.no} 是送货收款的发货单, 过账前须指定承运人(由他收款并交回)`,
    ]);
    expect(tableCount(o, 'stock_moves')).toBe(rows);
    await must(o, 'keeper', 'slips.setCarrier', { slipId: d.id, carrierId: driverId });
    const posted = await must(o, 'keeper', 'slips.post', { slipId: d.id });
    expect(posted.deliveryCash).toMatchObject({ state: 'pending', amountFen: 78000, handedBy: null });
    expect(await cash()).toBe(before);
    const list = await must(o, 'finance', 'deliveryCash.list', {});
    expect(list.inTransit).toEqual([{ carrier: { id: driverId, name: o.names.driver }, count: 1, amountFen: 78000 }]);
    expectClean(o);
    const pv = await must(o, 'finance', 'dayClose.preview', {});
    expect(pv.checks.find((c) => c.code === 'sales_vs_money')).toMatchObject({ pass: true, figures: { inTransitFen: 78000 } });
    expect(pv.inTransit).toEqual(list.inTransit);
  });

  it('finance takes the money with the carrier’s PIN: a 现收 row on that day, once', async () => {
    const [p] = (await must(o, 'finance', 'deliveryCash.list', { state: 'pending' })).rows;
    const before = await cash();
    const n = tableCount(o, 'money_journal');
    const wrong = await refused(o, 'finance', 'deliveryCash.confirm', { deliveryCashId: p.id, carrier: { user: o.names.keeper, pin: o.pins.keeper } });
    expect([wrong.code, wrong.details.field]).toEqual(['delivery_cash_wrong_carrier', 'carrier']);
    expect((await refused(o, 'finance', 'deliveryCash.confirm', { deliveryCashId: p.id, carrier: { user: o.names.driver, pin: '0000' } })).code).toBe(
      'bad_credentials',
    );
    expect((await refused(o, 'manager', 'deliveryCash.confirm', { deliveryCashId: p.id, carrier: driverPin() })).code).toBe('forbidden');
    expect(tableCount(o, 'money_journal')).toBe(n);
    const r = await must(o, 'finance', 'deliveryCash.confirm', { deliveryCashId: p.id, carrier: driverPin() });
    expect([r.deliveryCash.state, r.deliveryCash.handedBy?.name, r.deliveryCash.confirmedBy?.name, r.voucher.receiptFen]).toEqual([
      'handed',
      o.names.driver,
      o.names.finance,
      78000,
    ]);
    expect(r.voucher.summary).toContain(`承运人 ${o.names.driver} 交回`);
    expect(await cash()).toBe(before + 78000);
    const again = await refused(o, 'finance', 'deliveryCash.confirm', { deliveryCashId: p.id, carrier: driverPin() });
    expect([again.code, again.message_zh]).toEqual(['delivery_cash_not_pending', `${p.slipNo} 的送货收款已交回, 不能再交回`]);
    expect((await must(o, 'finance', 'deliveryCash.list', {})).inTransit).toEqual([]);
    expectClean(o);
  });

  it('a short pick puts in transit only what shipped', async () => {
    const d = await cod([['CZ-8802', 4]]);
    await must(o, 'keeper', 'slips.setCarrier', { slipId: d.id, carrierId: driverId });
    const posted = await must(o, 'keeper', 'slips.post', { slipId: d.id, picked: [{ lineId: d.lines[0].id, qty: 3 }], confirmShort: true });
    expect(posted.deliveryCash?.amountFen).toBe(3 * d.lines[0].priceFen!);
    expect(posted.refund).toBeNull(); // nothing was received, so nothing is owed back
    expectClean(o);
  });

  it('a reversal before the hand-over needs finance too, and cancels it', async () => {
    const d = await cod([['WY-4001', 2]]);
    await must(o, 'keeper', 'slips.setCarrier', { slipId: d.id, carrierId: driverId });
    await must(o, 'keeper', 'slips.post', { slipId: d.id });
    const noFinance = await refused(o, 'keeper', 'slips.reverse', { slipId: d.id, reason: '客户拒收', manager: REVERSE_SIGNOFFS.manager });
    expect(noFinance.details.field).toBe('finance');
    const { original } = await must(o, 'keeper', 'slips.reverse', { slipId: d.id, reason: '客户拒收', ...REVERSE_SIGNOFFS });
    expect(original.deliveryCash?.state).toBe('cancelled');
    expectClean(o);
  });

  it('only a cash dispatch is collected by the carrier; the mark is part of what is signed', async () => {
    const credit = await refused(o, 'sales', 'slips.create', {
      kind: 'dispatch',
      customerId: o.customerId('KH001'),
      paymentMode: 'credit',
      collectByCarrier: true,
    });
    expect([credit.code, credit.details.field]).toEqual(['cod_cash_only', 'collectByCarrier']);
    expect((await refused(o, 'keeper', 'slips.create', { kind: 'inbound', collectByCarrier: true })).code).toBe('invalid_input');
    const d: Slip = await cod([['CZ-8801', 1]]);
    expect((await refused(o, 'sales', 'slips.update', { slipId: d.id, paymentMode: 'wechat' })).code).toBe('cod_cash_only');
    const unmarked = await must(o, 'sales', 'slips.update', { slipId: d.id, collectByCarrier: false });
    expect([unmarked.collectByCarrier, unmarked.missingSignatures]).toEqual([false, ['manager', 'finance']]);
    expectClean(o);
  });
});
