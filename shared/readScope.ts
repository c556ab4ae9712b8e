// 保密制度: what each role may read — the one rule table. The core applies it in the read handlers
// (slips, customers, stock values, receivables, exports, papers) and the renderer asks the same
// function which columns and buttons to offer, so neither shows what the other would hide.
//
// - prices (selling prices, a slip's amounts): everyone but the driver and the shipper, who carry
//   the goods and need only what and where; and the administrator, who keeps the machine.
// - costs (FIFO costs, stock values, margins): manager, finance, statistician, and the keeper, who
//   keeps the stock card (库存管理卡 / 库存明细账, with its 金额 columns) and reconciles it daily
//   (office-rules.md, 库管员). Salespeople see prices but no costs.
// - reach (which customers and slips): salespeople their own customers (customers.salesperson_id)
//   and those customers' slips (plus the slips they made); driver and shipper the slips they carry
//   now (承运人, named by the keeper or the manager: slips.setCarrier, electron/domains/slips/carrier.ts)
//   and those slips' customers; everyone else all of them.
// One login with several roles (兼任) gets the widest: each flag from any role that has it, the
// union of the reaches.

import type { Role } from './roles';

export type Reach = 'all' | 'ownCustomers' | 'carried';

export interface ReadScope {
  seesPrices: boolean;
  seesCosts: boolean;
  /** the customers and slips the user reaches: ['all'], or the union of the narrower ones */
  reach: readonly Reach[];
}

const ROLE_READS: Record<Role, { seesPrices: boolean; seesCosts: boolean; reach: Reach }> = {
  manager: { seesPrices: true, seesCosts: true, reach: 'all' },
  finance: { seesPrices: true, seesCosts: true, reach: 'all' },
  statistician: { seesPrices: true, seesCosts: true, reach: 'all' },
  keeper: { seesPrices: true, seesCosts: true, reach: 'all' },
  sales: { seesPrices: true, seesCosts: false, reach: 'ownCustomers' },
  shipper: { seesPrices: false, seesCosts: false, reach: 'carried' },
  driver: { seesPrices: false, seesCosts: false, reach: 'carried' },
  admin: { seesPrices: false, seesCosts: false, reach: 'all' },
};

/** The scope of a user holding these roles (the widest of them). */
export function readScopeOf(roles: readonly Role[]): ReadScope {
  const each = roles.map((r) => ROLE_READS[r]);
  const reaches = [...new Set(each.map((s) => s.reach))];
  return {
    seesPrices: each.some((s) => s.seesPrices),
    seesCosts: each.some((s) => s.seesCosts),
    reach: reaches.includes('all') || reaches.length === 0 ? (reaches.length ? ['all'] : []) : reaches.sort(),
  };
}

export const reachesAll = (s: ReadScope): boolean => s.reach.includes('all');

/** Whether the amounts of a slip of this kind show: a sale's or return's are prices; an inbound's,
 *  the opening stock's, a count's, a write-off's and a return to HQ's are costs; a reversal's may be either (both needed). */
export function seesSlipAmounts(
  s: ReadScope,
  kind: 'inbound' | 'dispatch' | 'return' | 'reversal' | 'opening' | 'count' | 'writeoff' | 'hqReturn' | 'repair',
): boolean {
  if (kind === 'dispatch' || kind === 'return') return s.seesPrices;
  if (kind === 'reversal') return s.seesPrices && s.seesCosts;
  return s.seesCosts;
}
