// `verify` (system.verify, `desk verify`): every invariant of the books, each domain's own checks
// gathered here, then the audit chain and its close-of-day anchors (ledger/anchorCheck.ts).
// Read-only; problems are listed (at most 1000), never fixed.

import type { ReadableDB } from '../../store/db';
import type { VerifyReport } from '../../../shared/contract';
import { verifyAnchors } from '../../ledger/anchorCheck';
import { verifyAuditChain } from '../../ledger/audit';
import { verifyCash } from '../cash/verify';
import { verifyCounts } from '../counts/verify';
import { verifyRepairs } from '../repairs/verify';
import { verifyRequisitions } from '../requisitions/verify';
import { verifyDayCloses, verifySuspense } from '../dayClose/verify';
import { verifyOpening } from '../opening/verify';
import { verifyReceivables } from '../receivables/verify';
import { verifyRefunds } from '../refunds/verify';
import { verifyDeliveryCash } from '../deliveryCash/verify';
import { verifyAdvances } from '../advances/verify';
import { verifySlips } from '../slips/verify';
import { verifyStock } from '../stock/verify';

type Problem = VerifyReport['problems'][number];
export type Add = (check: string, message: string, details?: Record<string, unknown>) => void;

/** `dbPath`: where the database file is, so the anchors kept beside it are read too (null: the books' own only). */
export function verifyBooks(db: ReadableDB, dbPath: string | null = null): VerifyReport {
  const problems: Problem[] = [];
  const add: Add = (check, message, details = {}) => {
    if (problems.length < 1000) problems.push({ check, message, details });
  };
  const stock = verifyStock(db, add);
  const slips = verifySlips(db, add);
  verifyCash(db, add);
  verifyReceivables(db, add);
  verifyDayCloses(db, add);
  verifySuspense(db, add);
  verifyOpening(db, add);
  verifyRefunds(db, add);
  verifyDeliveryCash(db, add);
  verifyCounts(db, add);
  verifyAdvances(db, add);
  verifyRepairs(db, add);
  verifyRequisitions(db, add);
  const audit = verifyAuditChain(db);
  for (const p of audit.problems) add('audit.chain', `audit row ${p.seq}: ${p.message}`, { seq: p.seq });
  const anchors = verifyAnchors(db, dbPath);
  for (const p of anchors.problems) add('audit.anchor', p.message, p.details);
  return { ok: problems.length === 0, checked: { ...stock, auditRows: audit.rows, slips: slips.slips }, problems, anchors: anchors.report };
}
