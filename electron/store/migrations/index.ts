// The ordered list of schema migrations. Append only: never edit or reorder a released one.
import type { DB } from '../db';

import { m0001Init } from './0001-init';
import { m0002Documents } from './0002-documents';
import { m0003Finance } from './0003-finance';
import { m0004Signatures } from './0004-signatures';
import { m0005ShippedAmount } from './0005-shipped-amount';
import { m0006ReopenSuspense } from './0006-reopen-suspense';
import { m0007StockCard } from './0007-stock-card';
import { m0008DefectiveLines } from './0008-defective-lines';
import { m0009PrintKinds } from './0009-print-kinds';
import { m0010CollectionFollowUp } from './0010-collection-follow-up';
import { m0011Opening } from './0011-opening';
import { m0012InboundAmounts } from './0012-inbound-amounts';
import { m0013OfficeDetails } from './0013-office-details';
import { m0014OpeningImport } from './0014-opening-import';
import { m0015PreGoLiveReturns } from './0015-pre-golive-returns';
import { m0016PinFailures } from './0016-pin-failures';
import { m0017FrozenPaper } from './0017-frozen-paper';
import { m0018AuditAnchors } from './0018-audit-anchors';
import { m0019OfficeSecrets } from './0019-office-secrets';
import { m0020Refunds } from './0020-refunds';
import { m0021ReadLog } from './0021-read-log';
import { m0022Backups } from './0022-backups';
import { m0023SlipCarriers } from './0023-slip-carriers';
import { m0024Counts } from './0024-counts';
import { m0025Adjustments } from './0025-adjustments';
import { m0026ReceiptPrinters } from './0026-receipt-printers';
import { m0028Attendance } from './0028-attendance';
import { m0029SafetyProposals } from './0029-safety-proposals';
import { m0030DeliveryCash } from './0030-delivery-cash';
import { m0031DailyChecks } from './0031-daily-checks';
import { m0032MonthPacks } from './0032-month-packs';
import { m0033Orders } from './0033-orders';
import { m0034Advances } from './0034-advances';
import { m0035Repairs } from './0035-repairs';

export interface Migration {
  version: number;
  name: string;
  up(db: DB): void;
  /** rebuilds a table others refer to: run with foreign keys off, checked before commit (migrate.ts) */
  foreignKeysOff?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001Init,
  m0002Documents,
  m0003Finance,
  m0004Signatures,
  m0005ShippedAmount,
  m0006ReopenSuspense,
  m0007StockCard,
  m0008DefectiveLines,
  m0009PrintKinds,
  m0010CollectionFollowUp,
  m0011Opening,
  m0012InboundAmounts,
  m0013OfficeDetails,
  m0014OpeningImport,
  m0015PreGoLiveReturns,
  m0016PinFailures,
  m0017FrozenPaper,
  m0018AuditAnchors,
  m0019OfficeSecrets,
  m0020Refunds,
  m0021ReadLog,
  m0022Backups,
  m0023SlipCarriers,
  m0024Counts,
  m0025Adjustments,
  m0026ReceiptPrinters,
  m0028Attendance,
  m0029SafetyProposals,
  m0030DeliveryCash,
  m0031DailyChecks,
  m0032MonthPacks,
  m0033Orders,
  m0034Advances,
  m0035Repairs,
];
