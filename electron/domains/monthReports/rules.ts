// The rule of monthReports.pdf / .xlsx beside the contract's `access`: each report's paper goes to
// who may read the report itself (A, the cash journal, finance and the manager as cash.journal; C
// and D the ledger readers), refused as the core's gate refuses that report's method, so a file
// never shows what its screen would not.

import { requireAccess } from '../../../shared/access';
import { contract, MONTH_REPORT_METHOD, type MonthReportKind } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

export function requireMayRead(report: MonthReportKind, roles: readonly Role[]): void {
  const method = MONTH_REPORT_METHOD[report];
  requireAccess(method, contract[method].access, { roles });
}
