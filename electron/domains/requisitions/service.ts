// requisitions.* (要货单): drafts made from a signed order plan or by hand, the manager's signature
// (content hash and the office's Ed25519 signature), cancellation and closing short, and the view
// of ordered / received / outstanding / late per line. A requisition moves no stock and no money.

import { createHash } from 'node:crypto';
import type { Requisition, RequisitionLineInput, RequisitionState, RequisitionSummary } from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { nextNumber } from '../../ledger/numbering';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { fail } from '../../../shared/errors';
import { notFound } from '../errors';
import { planForRequisition } from '../orderPlan/service';
import {
  insertRequisition,
  listRows,
  allRowsIn,
  markEnded,
  markSigned,
  receivedOf,
  replaceLines,
  reqLines,
  requisitionRow,
  setMemo,
  slipsAgainst,
  type ReqLineRow,
  type RequisitionRow,
} from './repo';
import { requireLines, requireReceivable, requireState } from './rules';

export interface ReqWriter {
  db: WritableDB;
  businessDate: string;
  nowIso: string;
  userId: number;
}

const person = (db: ReadableDB, id: number | null) =>
  id == null ? null : { id, name: sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string };

interface Reckoned {
  lines: (ReqLineRow & { received: number; outstanding: number; late: boolean })[];
  state: RequisitionState;
}

/** Received, outstanding and late per line (today in the office's timezone); a signed one with nothing outstanding is 'received'. */
function reckon(row: RequisitionRow, lines: ReqLineRow[], received: Map<number, number> | undefined, today: string): Reckoned {
  const live = row.state === 'signed';
  const out = lines.map((l) => {
    const got = received?.get(l.item_id) ?? 0;
    const outstanding = live ? Math.max(l.qty - got, 0) : 0;
    return { ...l, received: got, outstanding, late: outstanding > 0 && l.expected_date < today };
  });
  const state: RequisitionState = live && out.every((l) => l.outstanding === 0) ? 'received' : row.state;
  return { lines: out, state };
}

function summaryOf(db: ReadableDB, row: RequisitionRow, r: Reckoned): RequisitionSummary {
  return {
    id: row.id,
    no: row.no,
    businessDate: row.business_date,
    planId: row.plan_id,
    memo: row.memo,
    state: r.state,
    createdBy: person(db, row.created_by)!,
    createdAt: row.created_at,
    signedBy: person(db, row.signed_by),
    signedAt: row.signed_at,
    contentHash: row.content_hash,
    endedBy: person(db, row.ended_by),
    endedAt: row.ended_at,
    endReason: row.end_reason,
    totalQty: r.lines.reduce((s, l) => s + l.qty, 0),
    received: r.lines.reduce((s, l) => s + l.received, 0),
    outstanding: r.lines.reduce((s, l) => s + l.outstanding, 0),
    lateLines: r.lines.filter((l) => l.late).length,
    lineCount: r.lines.length,
  };
}

function reckonOne(db: ReadableDB, row: RequisitionRow, today: string): Reckoned {
  return reckon(row, reqLines(db, row.id), receivedOf(db, [row.id]).get(row.id), today);
}

export function requisitionView(db: ReadableDB, id: number, today: string): Requisition {
  const row = requisitionRow(db, id);
  const r = reckonOne(db, row, today);
  const { lineCount: _n, ...head } = summaryOf(db, row, r);
  return {
    ...head,
    lines: r.lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      itemId: l.item_id,
      itemCode: l.code,
      itemName: l.name,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      expectedDate: l.expected_date,
      received: l.received,
      outstanding: l.outstanding,
      late: l.late,
    })),
    slips: slipsAgainst(db, id),
  };
}

/** The state as the desk shows it (a signed one with nothing outstanding is 'received'). */
export function requisitionState(db: ReadableDB, id: number, today: string): { no: string; state: RequisitionState } {
  const row = requisitionRow(db, id);
  return { no: row.no, state: reckonOne(db, row, today).state };
}

/** An inbound slip names a requisition: it must be signed and not received in full, cancelled or closed. */
export function requireOpenRequisition(db: ReadableDB, id: number, today: string): void {
  requireReceivable(requisitionState(db, id, today));
}

function checkedLines(db: ReadableDB, lines: RequisitionLineInput[]): RequisitionLineInput[] {
  for (const l of lines) if (sql(db, 'SELECT 1 FROM items WHERE id = ?').get(l.itemId) === undefined) notFound('item', l.itemId);
  requireLines(db, lines);
  return lines;
}

export function createRequisition(w: ReqWriter, input: { planId?: number; memo: string; lines: RequisitionLineInput[] }): number {
  const lines = input.planId !== undefined && input.lines.length === 0 ? planForRequisition(w.db, input.planId, w.businessDate) : input.lines;
  checkedLines(w.db, lines);
  const id = insertRequisition(w.db, {
    no: nextNumber(w.db, 'slips', 'YH', w.businessDate),
    business_date: w.businessDate,
    plan_id: input.planId ?? null,
    memo: input.memo,
    created_by: w.userId,
    created_at: w.nowIso,
  });
  replaceLines(w.db, id, lines);
  return id;
}

export function updateRequisition(db: WritableDB, input: { requisitionId: number; memo?: string; lines?: RequisitionLineInput[] }): void {
  const row = requisitionRow(db, input.requisitionId);
  requireState(row, 'draft');
  if (input.memo !== undefined) setMemo(db, row.id, input.memo);
  if (input.lines) replaceLines(db, row.id, checkedLines(db, input.lines));
}

/** What the manager's signature covers: the number, day, memo and every line, in a fixed order. */
export function canonicalRequisition(row: RequisitionRow, lines: ReqLineRow[]): string {
  return JSON.stringify({ v: 1, no: row.no, date: row.business_date, memo: row.memo, lines: lines.map((l) => [l.line_no, l.code, l.qty, l.expected_date]) });
}

export function signRequisition(w: ReqWriter, requisitionId: number, signer: { id: number; name: string }): RequisitionRow {
  const row = requisitionRow(w.db, requisitionId);
  requireState(row, 'draft');
  const lines = reqLines(w.db, row.id);
  if (lines.length === 0) fail('requisition_no_lines', { field: 'lines' });
  const hash = createHash('sha256').update(canonicalRequisition(row, lines)).digest('hex');
  const signature = signWithOfficeKey(w.db, `${row.no}|${hash}|manager|${signer.name}|${w.nowIso}`);
  markSigned(w.db, row.id, { by: signer.id, at: w.nowIso, hash, signature });
  return requisitionRow(w.db, row.id);
}

export function endRequisition(
  w: ReqWriter,
  input: { requisitionId: number; reason: string },
  how: 'cancelled' | 'closed',
  by: { id: number },
  today: string,
): RequisitionRow {
  const row = requisitionRow(w.db, input.requisitionId);
  const r = reckonOne(w.db, row, today);
  requireState({ no: row.no, state: r.state }, 'signed');
  const received = r.lines.reduce((s, l) => s + l.received, 0);
  if (how === 'cancelled' && received > 0) fail('requisition_received', { field: 'requisitionId', no: row.no, received });
  markEnded(w.db, row.id, { state: how, by: by.id, at: w.nowIso, reason: input.reason });
  return requisitionRow(w.db, row.id);
}

export function listRequisitions(
  db: ReadableDB,
  today: string,
  f: { state?: RequisitionState; lateOnly: boolean; limit: number; offset: number },
): { rows: RequisitionSummary[]; total: number } {
  const reckoned = f.state === 'signed' || f.state === 'received' || f.lateOnly;
  if (!reckoned) {
    const { rows, total } = listRows(db, { states: f.state ? [f.state] : undefined, limit: f.limit, offset: f.offset });
    const got = receivedOf(
      db,
      rows.map((r) => r.id),
    );
    return { total, rows: rows.map((r) => summaryOf(db, r, reckon(r, reqLines(db, r.id), got.get(r.id), today))) };
  }
  const got = receivedOf(db);
  const all = allRowsIn(db, ['signed'])
    .map((r) => summaryOf(db, r, reckon(r, reqLines(db, r.id), got.get(r.id), today)))
    .filter((s) => (!f.state || s.state === f.state) && (!f.lateOnly || s.lateLines > 0));
  return { total: all.length, rows: all.slice(f.offset, f.offset + f.limit) };
}
