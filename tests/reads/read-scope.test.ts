// 保密制度 role by role: what each of the office's people reads of the same books. The driver and the
// shipper see the slips they carry (slips.setCarrier names them) without a price or a cost anywhere; a salesperson sees their own
// customers and those customers' slips and balances, with prices but no costs; the keeper, the
// manager, finance and the statistician see costs. Hidden figures come as null, never as 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { readScopeOf } from '../../shared/readScope';
import { slipQrPayload } from '../../electron/domains/documents/service';
import { financeOffice, must, postedDispatch, refused, signManager } from '../helpers/finance';
import type { DemoOffice } from '../helpers';
import { column, readXlsx } from '../export/sheet';

/** Every field named …Fen in a value, with the path to it, that holds a number. */
function figures(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => figures(x, `${path}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => (k.endsWith('Fen') && typeof x === 'number' ? [`${path}.${k}`] : figures(x, `${path}.${k}`)));
  return [];
}

describe('who reads what (保密制度)', () => {
  let o: DemoOffice;
  let own: Slip; // posted, for 赵丽's customer KH001
  let othersDraft: Slip; // KH090 (the manager's, no salesperson), unsigned, made by the statistician
  let othersSigned: Slip; // KH090, the manager has signed: the driver carries it
  let signedNotCarried: Slip; // KH090, signed by the manager, nobody named to carry it
  let salesId: number;
  let kh90: number;
  beforeAll(async () => {
    o = await financeOffice();
    own = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 10]]);
    kh90 = (await must(o, 'manager', 'customers.create', { code: 'KH090', name: '市政工程处(经理直管)' })).id;
    const mk = () =>
      must(o, 'statistician', 'slips.create', {
        kind: 'dispatch',
        customerId: kh90,
        paymentMode: 'cash',
        lines: [{ itemId: o.itemId('CZ-8802'), qty: 3 }],
      });
    othersDraft = await mk();
    othersSigned = await mk();
    await signManager(o, othersSigned.id);
    signedNotCarried = await mk();
    await signManager(o, signedNotCarried.id);
    const driverId = (await must(o, 'keeper', 'slips.carriers', {}))[0].id;
    const inboundId = (await must(o, 'keeper', 'slips.list', { kind: 'inbound' })).rows[0].id;
    for (const slipId of [own.id, othersSigned.id, inboundId]) await must(o, 'keeper', 'slips.setCarrier', { slipId, carrierId: driverId });
    salesId = (await must(o, 'manager', 'users.list', {})).find((u) => u.name === o.names.sales)!.id;
  });
  afterAll(() => o.close());

  it('takes the widest of several roles: each flag from any role, the union of the reaches', () => {
    expect(readScopeOf(['driver'])).toEqual({ seesPrices: false, seesCosts: false, reach: ['carried'] });
    expect(readScopeOf(['sales'])).toEqual({ seesPrices: true, seesCosts: false, reach: ['ownCustomers'] });
    expect(readScopeOf(['sales', 'driver'])).toEqual({ seesPrices: true, seesCosts: false, reach: ['carried', 'ownCustomers'] });
    expect(readScopeOf(['sales', 'statistician'])).toEqual({ seesPrices: true, seesCosts: true, reach: ['all'] });
    expect(readScopeOf(['keeper']).seesCosts).toBe(true);
    expect(readScopeOf(['admin']).seesPrices).toBe(false);
  });

  it('the driver sees the slips he carries, and no price or cost anywhere in them', async () => {
    const list = await must(o, 'shipperDriver', 'slips.list', { kind: 'dispatch' });
    expect(list.rows.map((r) => r.no).sort()).toEqual([own.no, othersSigned.no].sort());
    expect(figures(list.rows)).toEqual([]);
    for (const s of [own, othersSigned]) {
      const seen = await must(o, 'shipperDriver', 'slips.get', { slipId: s.id });
      expect(figures(seen), s.no).toEqual([]);
      expect(seen.totalAmountFen).toBeNull();
      expect(seen.lines[0]).toMatchObject({ priceFen: null, amountFen: null, costFen: null, unitCostFen: null, qty: s.lines[0].qty });
    }
    expect((await refused(o, 'shipperDriver', 'slips.get', { slipId: othersDraft.id })).code).toBe('out_of_reach');
    expect((await refused(o, 'shipperDriver', 'slips.get', { no: othersDraft.no })).code).toBe('out_of_reach');
    // signed by the manager but carried by nobody: not his
    expect((await refused(o, 'shipperDriver', 'slips.get', { slipId: signedNotCarried.id })).code).toBe('out_of_reach');
    // inbound slips he helps receive: quantities, not HQ's costs
    const inbound = await must(o, 'shipperDriver', 'slips.list', { kind: 'inbound' });
    expect(inbound.total).toBe(1);
    expect(figures(await must(o, 'shipperDriver', 'slips.get', { slipId: inbound.rows[0].id }))).toEqual([]);
    // the customers of what he carries, for their addresses
    const customers = await must(o, 'shipperDriver', 'customers.list', {});
    expect(customers.rows.map((c) => c.code).sort()).toEqual(['KH001', 'KH090']);
    expect((await refused(o, 'shipperDriver', 'documents.render', { doc: 'dispatch', slipId: own.id })).code).toBe('forbidden');
    // nor the items' selling prices
    const item = o.itemId('CZ-8801');
    expect(figures(await must(o, 'shipperDriver', 'items.list', { query: 'CZ-8801' }))).toEqual([]);
    expect((await must(o, 'shipperDriver', 'items.get', { itemId: item })).priceFen).toBeNull();
    expect((await must(o, 'keeper', 'items.get', { itemId: item })).priceFen).toBe(7800);
  });

  it('the slips export obeys the same reach and hides the same amounts', async () => {
    const r = await must(o, 'shipperDriver', 'export.grid', { grid: 'slips', filters: { kind: 'dispatch' } });
    expect(r.rowCount).toBe(2);
    const sheet = await readXlsx(r.base64);
    expect(column(sheet, '单号').sort()).toEqual([own.no, othersSigned.no].sort());
    expect(sheet.headers).not.toContain('金额');
    const finance = await readXlsx((await must(o, 'finance', 'export.grid', { grid: 'slips', filters: { kind: 'dispatch' } })).base64);
    expect(finance.headers).toContain('金额');
    expect(column(finance, '单号')).toContain(othersDraft.no);
    const sales = await must(o, 'sales', 'export.grid', { grid: 'slips', filters: {} });
    expect(sales.rowCount).toBe((await must(o, 'sales', 'slips.list', {})).total);
  });

  it('a salesperson sees their own customers, their slips and balances, with prices but no costs', async () => {
    const customers = await must(o, 'sales', 'customers.list', { limit: 100 });
    expect(customers.rows.length).toBe(8);
    expect(customers.rows.every((c) => c.salesperson?.id === salesId)).toBe(true);
    expect(customers.rows.map((c) => c.code)).not.toContain('KH090');

    const slips = await must(o, 'sales', 'slips.list', { kind: 'dispatch' });
    expect(slips.rows.map((r) => r.no)).toEqual([own.no]);
    const seen = await must(o, 'sales', 'slips.get', { slipId: own.id });
    expect(seen.totalAmountFen).toBe(own.totalAmountFen);
    expect(seen.lines[0].priceFen).toBe(own.lines[0].priceFen);
    expect(seen.lines[0].costFen).toBeNull();
    expect((await refused(o, 'sales', 'slips.get', { slipId: othersSigned.id })).code).toBe('out_of_reach');
    expect((await refused(o, 'sales', 'cash.bySlip', { slipId: othersSigned.id })).code).toBe('out_of_reach');
    expect((await must(o, 'sales', 'cash.bySlip', { slipId: own.id })).journal.length).toBeGreaterThan(0);

    const kh1 = o.customerId('KH001');
    const kh4 = kh90;
    expect((await must(o, 'sales', 'receivables.ledger', { customerId: kh1 })).customer.code).toBe('KH001');
    await must(o, 'sales', 'receivables.statement', { customerId: kh1, from: '2026-11-01', to: '2026-11-30' });
    for (const m of ['receivables.ledger', 'receivables.open'] as const)
      expect((await refused(o, 'sales', m, { customerId: kh4 })).code).toBe(m === 'receivables.open' ? 'forbidden' : 'out_of_reach');
    expect((await refused(o, 'sales', 'receivables.statement', { customerId: kh4, from: '2026-11-01', to: '2026-11-30' })).code).toBe('out_of_reach');
    expect((await refused(o, 'sales', 'documents.render', { doc: 'statement', customerId: kh4, from: '2026-11-01', to: '2026-11-30' })).code).toBe(
      'out_of_reach',
    );
    expect((await refused(o, 'sales', 'export.grid', { grid: 'receivables', filters: { customerId: kh4 } })).code).toBe('out_of_reach');
    const aging = await must(o, 'sales', 'receivables.aging', { includeSettled: true });
    expect(aging.rows.map((r) => r.code).sort()).toEqual(customers.rows.map((c) => c.code).sort());
    expect((await must(o, 'sales', 'receivables.aging', { customerIds: [kh4] })).rows).toEqual([]);

    const onHand = await must(o, 'sales', 'stock.onHand', { itemIds: [o.itemId('CZ-8801')] });
    expect([onHand.totalAmountFen, onHand.rows[0].amountFen, onHand.rows[0].qty]).toEqual([null, null, 190]);
    expect((await must(o, 'sales', 'stock.latestUnitCosts', { itemIds: [o.itemId('CZ-8801')] })).rows[0].unitCostFen).toBeNull();
    expect((await refused(o, 'sales', 'stock.card', { itemId: o.itemId('CZ-8801') })).code).toBe('forbidden');
  });

  it('a salesperson adds customers as their own, and cannot take or give one away', async () => {
    const mine = await must(o, 'sales', 'customers.create', { code: 'KH801', name: '新开发客户' });
    expect(mine.salesperson?.id).toBe(salesId);
    const kh4 = kh90;
    expect((await refused(o, 'sales', 'customers.update', { customerId: kh4, salespersonId: salesId })).code).toBe('out_of_reach');
    expect((await refused(o, 'sales', 'customers.update', { customerId: mine.id, salespersonId: null })).code).toBe('out_of_reach');
    expect((await refused(o, 'sales', 'customers.delete', { customerId: kh4 })).code).toBe('out_of_reach');
    expect((await must(o, 'sales', 'customers.update', { customerId: mine.id, phone: '13900000000' })).phone).toBe('13900000000');
    // the manager hands customers out
    expect((await must(o, 'manager', 'customers.update', { customerId: mine.id, salespersonId: null })).salesperson).toBeNull();
  });

  it('the keeper, the manager, finance and the statistician see costs; the administrator no money at all', async () => {
    for (const who of ['keeper', 'manager', 'finance', 'statistician'] as const) {
      const seen = await must(o, who, 'slips.get', { slipId: own.id });
      expect(seen.lines[0].costFen, who).toBe(10 * 5200);
      expect(seen.totalAmountFen, who).toBe(own.totalAmountFen);
      expect((await must(o, who, 'slips.list', { kind: 'dispatch' })).total, who).toBe(4);
    }
    expect((await must(o, 'keeper', 'stock.card', { itemId: o.itemId('CZ-8801') })).closing.amountFen).toBe(190 * 5200);
    const admin = await must(o, 'admin', 'slips.get', { slipId: own.id });
    expect(figures(admin)).toEqual([]);
  });

  it('a scanned QR tells the driver whether the paper is genuine, without its amount', async () => {
    const payload = slipQrPayload(o.core.db, own.no, own.contentHash);
    const driver = await must(o, 'shipperDriver', 'documents.verifyQr', { payload });
    expect([driver.status, driver.slip?.no, driver.slip?.totalAmountFen]).toEqual(['genuine', own.no, null]);
    expect((await must(o, 'finance', 'documents.verifyQr', { payload })).slip?.totalAmountFen).toBe(own.totalAmountFen);
  });
});
