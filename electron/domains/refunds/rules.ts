// The rules of refunds.* beside the contract's `access` (finance alone confirms): a refund is paid
// once, from pending; and not by the person who posted its slip (自己审批自己不行, even when that
// person also holds the finance role). Rules read; they never write.

import { fail } from '../../../shared/errors';
import { REFUND_STATE_ZH } from '../../../shared/contract';
import { ROLE_EN, ROLE_ZH } from '../../../shared/roles';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { slipOf, type RefundRow } from './repo';

/** A refund is confirmed once: a paid or cancelled one is refused with its state (and voucher). */
export function requirePending(db: ReadableDB, r: RefundRow): void {
  if (r.state === 'pending') return;
  const voucherNo = r.journal_id == null ? null : (sql(db, 'SELECT voucher_no FROM money_journal WHERE id = ?').pluck().get(r.journal_id) as string);
  fail('refund_not_pending', { slipNo: slipOf(db, r.slip_id).no, state: r.state, state_zh: REFUND_STATE_ZH[r.state], voucherNo });
}

/** Whoever posted the slip (the keeper's posting made the refund) does not pay it out. */
export function requireNotPoster(db: ReadableDB, r: RefundRow, confirmer: { id: number; name: string }): void {
  if (slipOf(db, r.slip_id).posted_by !== confirmer.id) return;
  fail('self_approval', {
    user: confirmer.name,
    signed: `${ROLE_EN.keeper} (posting)`,
    signed_zh: `${ROLE_ZH.keeper}(过账)`,
    role: ROLE_EN.finance,
    role_zh: ROLE_ZH.finance,
  });
}
