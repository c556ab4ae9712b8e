// The 长款/短款 waiting in the suspense account (待处理财产损溢), and the manager's decision on each:
// a 短款 is paid back by the cashier (由出纳赔偿: cash in) or expensed (计入管理费用); a 长款 becomes
// other income (计入营业外收入) or is handed back to whoever paid it (退还: cash out). The decision
// clears the item, so the account's balance is always the sum of the open items (verify.ts).

import { appendJournal, type BookCtx } from '../../ledger/journal';
import { closeSuspenseItem, suspenseBalance, suspenseRow, type SuspenseDbRow } from '../../ledger/suspense';
import type { ReadableDB } from '../../store/db';
import type { SuspenseDecision, SuspenseItem } from '../../../shared/contract';
import { suspenseItemRow, suspenseItemRows, type SuspenseItemRow } from './history';
import { requireDecidable } from './rules';

function itemView(r: SuspenseItemRow): SuspenseItem {
  const decided = r.closing_kind === 'decision';
  return {
    id: r.id,
    date: r.business_date,
    result: r.amount_fen > 0 ? 'over' : 'short',
    amountFen: Math.abs(r.amount_fen),
    openFen: r.closing_kind ? 0 : Math.abs(r.amount_fen),
    reason: r.memo,
    voucherNo: r.voucher_no,
    state: r.closing_kind === 'reopen' ? 'reopened' : decided ? 'decided' : 'open',
    decision: decided
      ? {
          decision: r.decision as SuspenseDecision,
          at: r.decided_at!,
          by: { id: r.decided_by!, name: r.decided_by_name! },
          memo: r.decision_memo!,
          voucherNo: r.decision_voucher_no,
        }
      : null,
  };
}

export function listDifferences(db: ReadableDB, q: { state: 'open' | 'all'; limit: number; offset: number }) {
  const { rows, total } = suspenseItemRows(db, q.state === 'open', q.limit, q.offset);
  return { rows: rows.map(itemView), total, balanceFen: suspenseBalance(db) };
}

/** The cash a decision moves: the cashier's repayment of a 短款, or a 长款 handed back. */
function cashOfDecision(b: BookCtx, item: SuspenseDbRow, decision: SuspenseDecision, memo: string): number | null {
  if (decision === 'cashier_repays')
    return appendJournal(b, {
      account: 'cash',
      direction: 'in',
      amountFen: -item.amount_fen,
      cause: 'shortage_repaid',
      contraKind: 'suspense',
      summary: `${item.business_date} 日结短款 由出纳赔偿: ${memo}`,
    }).id;
  if (decision === 'returned')
    return appendJournal(b, {
      account: 'cash',
      direction: 'out',
      amountFen: item.amount_fen,
      cause: 'overage_returned',
      contraKind: 'suspense',
      summary: `${item.business_date} 日结长款 退还: ${memo}`,
    }).id;
  return null;
}

/** `b` books as the manager who signed the decision. */
export function settleDifference(b: BookCtx, q: { differenceId: number; decision: SuspenseDecision; memo: string }): SuspenseItem {
  const item = requireDecidable(b.db, q.differenceId, suspenseRow(b.db, q.differenceId), q.decision, q.memo);
  const memo = q.memo.trim();
  const journalId = cashOfDecision(b, item, q.decision, memo);
  closeSuspenseItem(b, item, { kind: 'decision', decision: q.decision, journalId }, memo);
  return itemView(suspenseItemRow(b.db, item.id)!);
}
