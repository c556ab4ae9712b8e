// 承运人: the keeper or the manager names who carries a slip (slips.setCarrier); a driver or shipper
// then reads exactly the slips they carry now. A hand-over is a new row, so the old carrier loses the
// slip; the carrier is no part of what was signed or posted (the books still verify); refusals name
// the field and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { ok, REVERSE_SIGNOFFS } from '../helpers';
import { expectClean, financeOffice, must, postedDispatch, refused, signManager, draft } from '../helpers/finance';
import type { DemoOffice } from '../helpers';

describe('the carrier of a slip (承运人)', () => {
  let o: DemoOffice;
  let posted: Slip;
  let signed: Slip;
  let driverId: number;
  let secondId: number;
  let second: string; // the second driver's session
  const rows = () => o.core.db.prepare('SELECT COUNT(*) FROM slip_carriers').pluck().get() as number;
  const audits = () => o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
  const carried = async (token: string) => ok(await o.core.call('slips.list', { kind: 'dispatch' }, { sessionToken: token })).rows.map((r) => r.no);

  beforeAll(async () => {
    o = await financeOffice();
    posted = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    signed = await draft(o, 'KH002', 'cash', [['CZ-8802', 2]]);
    await signManager(o, signed.id);
    driverId = (await must(o, 'keeper', 'slips.carriers', {}))[0].id;
    secondId = (await must(o, 'manager', 'users.create', { name: '王师傅', roles: ['driver'], pin: '5151' })).id;
    second = ok(await o.core.call('auth.login', { user: '王师傅', pin: '5151' })).sessionToken;
  });
  afterAll(() => o.close());

  it('lists the active drivers and shippers as the carriers to choose from', async () => {
    const list = await must(o, 'manager', 'slips.carriers', {});
    expect(list.map((c) => c.name).sort()).toEqual([o.names.driver, '王师傅'].sort());
    expect(list.every((c) => c.roles.includes('driver') || c.roles.includes('shipper'))).toBe(true);
    expect((await refused(o, 'sales', 'slips.carriers', {})).code).toBe('forbidden');
  });

  it('names the carrier of a signed draft and of a posted slip; the driver then reads them', async () => {
    expect(await carried(o.tokens.shipperDriver)).toEqual([]);
    const a = await must(o, 'keeper', 'slips.setCarrier', { slipId: signed.id, carrierId: driverId });
    expect(a.carrier).toEqual({ id: driverId, name: o.names.driver });
    expect(a.missingSignatures).toEqual(['finance']); // the manager's signature still holds
    expect((await must(o, 'manager', 'slips.setCarrier', { slipId: posted.id, carrierId: driverId })).carrier?.id).toBe(driverId);
    expect((await carried(o.tokens.shipperDriver)).sort()).toEqual([posted.no, signed.no].sort());
    const row = (await must(o, 'keeper', 'slips.list', { kind: 'dispatch' })).rows.find((r) => r.no === posted.no)!;
    expect(row.carrier).toEqual({ id: driverId, name: o.names.driver });
    expect(await carried(second)).toEqual([]);
    expect(o.core.db.prepare('SELECT ref FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(`${posted.no} 承运人 carrier: ${o.names.driver}`);
    expectClean(o);
  });

  it('a hand-over moves the slip to the new carrier and keeps the history', async () => {
    await must(o, 'keeper', 'slips.setCarrier', { slipId: posted.id, carrierId: secondId });
    expect(await carried(second)).toEqual([posted.no]);
    expect(await carried(o.tokens.shipperDriver)).toEqual([signed.no]);
    expect((await refused(o, 'shipperDriver', 'slips.get', { slipId: posted.id })).code).toBe('out_of_reach');
    const history = o.core.db.prepare('SELECT carrier_id FROM slip_carriers WHERE slip_id = ? ORDER BY id').pluck().all(posted.id);
    expect(history).toEqual([driverId, secondId]);
    // nobody: the customer fetches the goods
    await must(o, 'keeper', 'slips.setCarrier', { slipId: posted.id, carrierId: null });
    expect(await carried(second)).toEqual([]);
    expectClean(o);
  });

  it('the same carrier again writes no new row', async () => {
    const before = rows();
    await must(o, 'keeper', 'slips.setCarrier', { slipId: signed.id, carrierId: driverId });
    expect(rows()).toBe(before);
  });

  it('refuses a carrier who is not an active driver or shipper, a void slip and a reversal, writing nothing', async () => {
    const keeperId = (await must(o, 'manager', 'users.list', {})).find((u) => u.name === o.names.keeper)!.id;
    const [r0, a0] = [rows(), audits()];
    const notCarrier = await refused(o, 'keeper', 'slips.setCarrier', { slipId: signed.id, carrierId: keeperId });
    expect([notCarrier.code, notCarrier.details.field]).toEqual(['carrier_not_allowed', 'carrierId']);
    expect(notCarrier.message_zh).toContain('承运人只能是在用的司机或储运员');
    expect((await refused(o, 'keeper', 'slips.setCarrier', { slipId: signed.id, carrierId: 99999 })).code).toBe('carrier_not_allowed');
    const gone = await draft(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    await must(o, 'sales', 'slips.void', { slipId: gone.id, reason: '客户取消' });
    const [r1, a1] = [rows(), audits()];
    const v = await refused(o, 'keeper', 'slips.setCarrier', { slipId: gone.id, carrierId: driverId });
    expect([v.code, v.details.why]).toEqual(['carrier_slip_refused', 'void']);
    const sold = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const { reversal } = await must(o, 'keeper', 'slips.reverse', { slipId: sold.id, reason: '开错', ...REVERSE_SIGNOFFS });
    const [r2, a2] = [rows(), audits()];
    expect((await refused(o, 'keeper', 'slips.setCarrier', { slipId: reversal.id, carrierId: driverId })).details.why).toBe('kind');
    expect([rows(), audits()]).toEqual([r2, a2]);
    expect((await refused(o, 'sales', 'slips.setCarrier', { slipId: signed.id, carrierId: driverId })).code).toBe('forbidden');
    expect((await refused(o, 'shipperDriver', 'slips.setCarrier', { slipId: signed.id, carrierId: driverId })).code).toBe('forbidden');
    expect(rows()).toBe(r1);
    expect(r1).toBe(r0);
    expect(a1).toBeGreaterThan(a0);
  });

  it('a deactivated driver may no longer be named', async () => {
    await must(o, 'manager', 'users.update', { userId: secondId, active: false });
    const e = await refused(o, 'keeper', 'slips.setCarrier', { slipId: signed.id, carrierId: secondId });
    expect([e.code, e.details.name]).toEqual(['carrier_not_allowed', '王师傅']);
  });
});
