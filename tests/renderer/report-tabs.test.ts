// 报表's tabs follow the contract's access: the nav entry shows for whoever reads any report, the
// route's tab only when he may read it (else his first), and the month-on-month figure is only
// shown where there is something to compare with.
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { REPORT_METHODS, reportTabOf } from '../../renderer/src/screens/Reports/tabs';
import { change } from '../../renderer/src/screens/Reports/SalesMonthlyTab';

const as = (role: Role) => ({ can: (m: MethodName) => (contract[m].access as readonly string[]).includes(role) });

describe('report tabs', () => {
  it('opens the tab a role may read, else its first', () => {
    expect(reportTabOf(as('statistician'), 'stock')).toBe('stock');
    expect(reportTabOf(as('statistician'), undefined)).toBe('aging');
    // the keeper reads the stock reports, not the receivables: /aging opens 进销存汇总 for him
    expect(reportTabOf(as('keeper'), undefined)).toBe('stock');
    expect(reportTabOf(as('keeper'), 'sales')).toBe('stock');
    expect(reportTabOf(as('sales'), 'stock')).toBe(reportTabOf(as('sales'), undefined));
    expect(reportTabOf(as('driver'), undefined)).toBeNull();
    expect(REPORT_METHODS.some((m) => as('driver').can(m))).toBe(false);
  });

  it('compares with last month only where it had sales', () => {
    expect([change(110, 100), change(90, 100), change(5, 0), change(5, null), change(-50, -100)]).toEqual(['+10.0%', '-10.0%', '', '', '+50.0%']);
  });
});
