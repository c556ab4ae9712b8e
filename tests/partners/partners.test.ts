// Customers' payment terms, salesperson and notes; the credit limit is the manager's to set; a
// customer or supplier with history is deactivated, never deleted; search by phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { financeOffice, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const userId = (name: string) => o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(name) as number;
const base = { code: 'KH901', name: '临江装饰', contact: '周明', phone: '13900001111', address: '临江路 8 号' };

describe('customers', () => {
  it('keeps payment terms, the salesperson and notes; finds a customer by phone or pinyin initials', async () => {
    const salesId = userId(o.names.sales);
    const c = await must(o, 'sales', 'customers.create', { ...base, paymentTermsDays: 30, salespersonId: salesId, notes: '月底对账' });
    expect(c).toMatchObject({ paymentTermsDays: 30, salesperson: { id: salesId, name: o.names.sales }, notes: '月底对账', creditLimitFen: 0 });
    const byPhone = await must(o, 'finance', 'customers.list', { query: '0000111' });
    expect(byPhone.rows.map((r) => r.code)).toEqual(['KH901']);
    const byPinyin = await must(o, 'finance', 'customers.list', { query: 'ljzs' });
    expect(byPinyin.rows.map((r) => r.code)).toEqual(['KH901']);
    const edited = await must(o, 'finance', 'customers.update', { customerId: c.id, paymentTermsDays: 45, salespersonId: null });
    expect(edited).toMatchObject({ paymentTermsDays: 45, salesperson: null, notes: '月底对账' });
  });

  it('lets only the manager set or change a credit limit; others may resend it unchanged', async () => {
    const e = await refused(o, 'sales', 'customers.create', { ...base, creditLimitFen: 100_000 });
    expect(e.code).toBe('credit_limit_manager_only');
    expect(e.message_zh).toContain('只有经理');
    const c = await must(o, 'manager', 'customers.create', { ...base, creditLimitFen: 100_000 });
    expect((await refused(o, 'finance', 'customers.update', { customerId: c.id, creditLimitFen: 200_000 })).code).toBe('credit_limit_manager_only');
    expect((await must(o, 'finance', 'customers.update', { customerId: c.id, creditLimitFen: 100_000, phone: '1' })).phone).toBe('1');
    expect((await must(o, 'manager', 'customers.update', { customerId: c.id, creditLimitFen: 200_000 })).creditLimitFen).toBe(200_000);
  });

  it('refuses a salesperson who does not hold the sales role', async () => {
    // the manager hands customers out (a salesperson adds only their own: tests/reads/read-scope.test.ts)
    const e = await refused(o, 'manager', 'customers.create', { ...base, salespersonId: userId(o.names.keeper) });
    expect(e.code).toBe('salesperson_not_sales');
  });

  it('deletes a customer without history; one with a slip is refused and can be deactivated', async () => {
    const c = await must(o, 'sales', 'customers.create', base);
    expect(await must(o, 'sales', 'customers.delete', { customerId: c.id })).toEqual({ customerId: c.id });
    expect((await must(o, 'sales', 'customers.list', { query: 'KH901' })).total).toBe(0);

    await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 1]]);
    const kh2 = o.customerId('KH002');
    const e = await refused(o, 'sales', 'customers.delete', { customerId: kh2 });
    expect(e.code).toBe('party_has_history');
    expect(e.message_en).toContain('deactivate');
    await must(o, 'sales', 'customers.update', { customerId: kh2, active: false });
    expect((await must(o, 'sales', 'customers.list', { query: 'KH002' })).total).toBe(0);
    expect((await must(o, 'sales', 'customers.list', { query: 'KH002', includeInactive: true })).rows[0].active).toBe(false);
  });
});

describe('suppliers', () => {
  it('keeps notes; deletes one without history, refuses HQ which has inbound slips', async () => {
    const s = await must(o, 'keeper', 'suppliers.create', { code: 'GY9', name: '临江五金', notes: '周三送货' });
    expect(s.notes).toBe('周三送货');
    expect((await must(o, 'keeper', 'suppliers.update', { supplierId: s.id, notes: '周四送货' })).notes).toBe('周四送货');
    await must(o, 'keeper', 'suppliers.delete', { supplierId: s.id });
    expect((await refused(o, 'keeper', 'suppliers.delete', { supplierId: o.supplierId })).code).toBe('party_has_history');
    expect((await refused(o, 'sales', 'suppliers.delete', { supplierId: o.supplierId })).code).toBe('forbidden');
  });
});
