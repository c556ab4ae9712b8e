// The read log (保密制度): reading the customer list, a customer's ledger or statement (and printing
// or exporting them) leaves a row — who, which customer, when — that the manager reads (reads.log).
// Reads stay reads: no audit row, and a refused read leaves nothing; the same read again within a
// few minutes makes no second row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_LOG_COALESCE_MS } from '../../electron/domains/reads/repo';
import { financeOffice, must, postedDispatch, refused } from '../helpers/finance';
import type { DemoOffice } from '../helpers';

const logRows = (o: DemoOffice) => o.core.db.prepare('SELECT COUNT(*) FROM read_log').pluck().get() as number;
const auditRows = (o: DemoOffice) => o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

describe('the read log', () => {
  let o: DemoOffice;
  let kh1: number;
  beforeAll(async () => {
    o = await financeOffice();
    await postedDispatch(o, 'KH001', 'credit', [['CZ-8801', 2]]);
    kh1 = o.customerId('KH001');
  });
  afterAll(() => o.close());

  it('records a read of the customer list once per person within a few minutes, outside the audit chain', async () => {
    const before = [logRows(o), auditRows(o)];
    await must(o, 'sales', 'customers.list', {});
    await must(o, 'sales', 'customers.list', { query: 'KH' });
    expect([logRows(o), auditRows(o)]).toEqual([before[0] + 1, before[1]]);
    o.clock.advance(READ_LOG_COALESCE_MS + 1000);
    await must(o, 'sales', 'customers.list', {});
    await must(o, 'keeper', 'customers.list', {});
    expect(logRows(o)).toBe(before[0] + 3);
    const log = await must(o, 'manager', 'reads.log', {});
    expect(log.rows[0]).toMatchObject({ method: 'customers.list', customer: null, user: { name: o.names.keeper }, date: '2026-11-29' });
    expect(log.rows[1]).toMatchObject({ method: 'customers.list', user: { name: o.names.sales } });
  });

  it('records statements, ledgers, their papers and sheets with the customer; other reads are not logged', async () => {
    const before = logRows(o);
    await must(o, 'finance', 'receivables.statement', { customerId: kh1, from: '2026-11-01', to: '2026-11-30' });
    await must(o, 'finance', 'receivables.ledger', { customerId: kh1 });
    await must(o, 'sales', 'documents.render', { doc: 'statement', customerId: kh1, from: '2026-11-01', to: '2026-11-30' });
    await must(o, 'statistician', 'export.grid', { grid: 'receivables', filters: { customerId: kh1 } });
    await must(o, 'finance', 'slips.list', {});
    await must(o, 'finance', 'export.grid', { grid: 'slips', filters: {} });
    expect(logRows(o)).toBe(before + 4);
    const log = await must(o, 'manager', 'reads.log', { limit: 4 });
    expect(log.rows.map((r) => [r.method, r.customer?.code, r.detail])).toEqual([
      ['export.grid', 'KH001', 'XLSX'],
      ['documents.render', 'KH001', 'PDF 2026-11-01…2026-11-30'],
      ['receivables.ledger', 'KH001', ''],
      ['receivables.statement', 'KH001', '2026-11-01…2026-11-30'],
    ]);
  });

  it('a refused read leaves no row', async () => {
    const before = logRows(o);
    const theManagers = await must(o, 'manager', 'customers.create', { code: 'KH090', name: '市政工程处(经理直管)' });
    expect((await refused(o, 'sales', 'receivables.ledger', { customerId: theManagers.id })).code).toBe('out_of_reach');
    expect((await refused(o, 'keeper', 'receivables.ledger', { customerId: kh1 })).code).toBe('forbidden');
    expect(logRows(o)).toBe(before);
  });

  it('is the manager’s to read, by person and by day', async () => {
    expect((await refused(o, 'finance', 'reads.log', {})).code).toBe('forbidden');
    expect((await refused(o, 'sales', 'reads.log', {})).code).toBe('forbidden');
    const sales = (await must(o, 'manager', 'users.list', {})).find((u) => u.name === o.names.sales)!;
    const bySales = await must(o, 'manager', 'reads.log', { userId: sales.id });
    expect(bySales.total).toBe(3);
    expect(bySales.rows.every((r) => r.user.id === sales.id)).toBe(true);
    expect((await must(o, 'manager', 'reads.log', { from: '2026-11-30' })).total).toBe(0);
    expect((await must(o, 'manager', 'reads.log', { from: '2026-11-29', to: '2026-11-29' })).total).toBe(logRows(o));
  });
});
