// The 月报 tab of 报表: shown to whoever may read the month pack's status (the manager, finance, the
// statistician), opening on the month that is due.
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { dueMonth } from '../../renderer/src/screens/MonthPack/dueMonth';
import { reportTabOf } from '../../renderer/src/screens/Reports/tabs';

const as = (role: Role) => ({ can: (m: MethodName) => (contract[m].access as readonly string[]).includes(role) });

describe('the 月报 tab', () => {
  it('opens for the manager, finance and the statistician; the keeper gets his first report instead', () => {
    for (const r of ['manager', 'finance', 'statistician'] as const) expect(reportTabOf(as(r), 'monthPack')).toBe('monthPack');
    expect(reportTabOf(as('keeper'), 'monthPack')).toBe('stock');
  });

  it('opens on this month from the 20th, else on last month', () => {
    expect(['2026-11-19', '2026-11-20', '2026-11-30', '2026-01-05', '2026-03-01'].map(dueMonth)).toEqual([
      '2026-10',
      '2026-11',
      '2026-11',
      '2025-12',
      '2026-02',
    ]);
  });
});
