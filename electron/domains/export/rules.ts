// The rules of export.* beside the contract's `access`: a grid is exported by whoever may call the
// method that reads it on screen, checked by the same function the core checks that method with.

import { requireAccess } from '../../../shared/access';
import { contract, type ExportGrid, type MethodName } from '../../../shared/contract';
import type { SessionUser } from '../context';

/** The read method behind each grid export.grid writes. */
export const GRID_READ = {
  stockCard: 'stock.card',
  slips: 'slips.list',
  cashJournal: 'cash.journal',
  receivables: 'receivables.ledger',
  salesLedger: 'reports.salesLedger',
} as const satisfies Record<ExportGrid, MethodName>;

export function requireGridReader(grid: ExportGrid, user: SessionUser | null): void {
  const method = GRID_READ[grid];
  requireAccess(method, contract[method].access, user);
}
