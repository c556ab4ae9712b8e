// The rules of requisitions (要货单): what state a requisition must be in for each step, lines that
// name each item once, and whether an inbound slip may be received against one. Rules read; they
// never write.

import { fail } from '../../../shared/errors';
import { REQUISITION_STATE_ZH, type RequisitionState } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';

const STATE_EN: Record<RequisitionState, string> = {
  draft: 'a draft',
  signed: 'signed',
  received: 'received in full',
  cancelled: 'cancelled',
  closed: 'closed short',
};

export function requireState(r: { no: string; state: RequisitionState }, wanted: RequisitionState): void {
  if (r.state !== wanted)
    fail('requisition_state', {
      field: 'requisitionId',
      no: r.no,
      state: STATE_EN[r.state],
      state_zh: REQUISITION_STATE_ZH[r.state],
      wanted: wanted === 'draft' ? 'draft' : 'signed, open',
      wanted_zh: REQUISITION_STATE_ZH[wanted],
    });
}

export function requireLines(db: ReadableDB, lines: { itemId: number }[]): void {
  if (lines.length === 0) fail('requisition_no_lines', { field: 'lines' });
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.itemId)) {
      const itemCode = sql(db, 'SELECT code FROM items WHERE id = ?').pluck().get(l.itemId) as string;
      fail('requisition_item_twice', { field: 'lines', lineNo: i + 1, itemCode });
    }
    seen.add(l.itemId);
  });
}

/** An inbound slip may name a requisition that is signed and still has something outstanding. */
export function requireReceivable(r: { no: string; state: RequisitionState }): void {
  if (r.state !== 'signed')
    fail('requisition_not_open', { field: 'requisitionId', no: r.no, state: STATE_EN[r.state], state_zh: REQUISITION_STATE_ZH[r.state] });
}
