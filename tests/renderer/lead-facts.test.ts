// The 要货单 dialog's expected date: office today + the item's lead time (its own or the office
// default), by calendar arithmetic; an item the plan does not list takes the default and a pack of 1.

import { describe, expect, it } from 'vitest';
import { datePlus, itemLead, type LeadFacts } from '../../renderer/src/screens/Orders/leadFacts';
import type { OrderPlanRow } from '../../shared/contract';

const row = (itemId: number, leadDays: number, packQty: number) => ({ itemId, leadDays, packQty }) as OrderPlanRow;

describe('lead facts', () => {
  it('adds days across months, years and leap days', () => {
    expect(datePlus('2026-12-07', 7)).toBe('2026-12-14');
    expect(datePlus('2026-12-28', 5)).toBe('2027-01-02');
    expect(datePlus('2028-02-28', 1)).toBe('2028-02-29');
    expect(datePlus('2026-02-28', 1)).toBe('2026-03-01');
    expect(datePlus('2026-02-30', 0)).toBe('2026-03-02'); // not a date: the dialog refuses what does not come back the same
  });

  it("an item's own lead time and pack, or the default", () => {
    const f: LeadFacts = { asOf: '2026-12-07', leadDefault: 7, byItem: new Map([[1, row(1, 12, 3)]]) };
    expect(itemLead(f, 1)).toEqual({ leadDays: 12, packQty: 3 });
    expect(itemLead(f, 2)).toEqual({ leadDays: 7, packQty: 1 });
  });
});
