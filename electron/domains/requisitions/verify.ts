// The requisitions' own invariants (their numbers are checked with the slips' series by
// slips/verify.ts): a signed, cancelled or closed requisition still has the content its manager
// signed (the hash over its number, day, memo and lines), and only inbound slips name one.

import { createHash } from 'node:crypto';
import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';
import { reqLines, type RequisitionRow } from './repo';
import { canonicalRequisition } from './service';

export function verifyRequisitions(db: ReadableDB, add: Add): void {
  const signed = db.prepare("SELECT * FROM requisitions WHERE state <> 'draft'").all() as RequisitionRow[];
  for (const r of signed) {
    const hash = createHash('sha256')
      .update(canonicalRequisition(r, reqLines(db, r.id)))
      .digest('hex');
    if (hash !== r.content_hash) add('requisitions.signed', `requisition ${r.no} no longer has the content its manager signed`, { no: r.no });
  }
  const wrong = db.prepare("SELECT no, kind FROM slips WHERE requisition_id IS NOT NULL AND kind <> 'inbound' LIMIT 100").all() as {
    no: string;
    kind: string;
  }[];
  for (const s of wrong) add('requisitions.slip', `${s.kind} slip ${s.no} names a requisition: only inbound slips do`, s);
}
