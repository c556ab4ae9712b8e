// All SQL of slips (slips, slip_lines, signatures) and the slip as the screens and papers read it.
// A signature covers the slip's canonical content (canonicalContent); a signature whose hash no
// longer matches, or whose Ed25519 signature does not verify, is not valid.

import { createHash } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { postedSlipHash } from '../../store/postedSlip';
import { likeEscape } from '../../store/search';
import {
  SLIP_SIGNATURES,
  isAdjustmentKind,
  type PaymentMode,
  type Signature,
  type Slip,
  type SlipKind,
  type SlipLine,
  type SlipState,
  type SlipSummary,
  type WriteoffCause,
} from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { MoveRow } from '../../ledger/fifo';
import { verifyOfficeSignature } from '../../ledger/officeKey';
import { notFound } from '../errors';
import { partyContact } from '../partners/repo';
import { slipRefundView } from '../refunds/repo';
import { carrierOf } from './carrier';
import { slipDeliveryCashView } from '../deliveryCash/repo';

export interface SlipRow {
  id: number;
  no: string;
  kind: SlipKind;
  state: SlipState;
  business_date: string;
  supplier_id: number | null;
  customer_id: number | null;
  delivery_note_no: string | null;
  payment_mode: PaymentMode | null;
  source_slip_id: number | null;
  memo: string;
  reason: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  version: number;
  posted_by: number | null;
  posted_at: string | null;
  post_seq: number | null;
  voided_by: number | null;
  voided_at: string | null;
  /** a second inbound under a delivery note already posted: why (set once at posting) */
  second_delivery_reason: string | null;
  /** 1: a customer return without a dispatch in this desk (无原单退货), fixed when the draft is made */
  pre_golive: number;
  /** what the paper shows, frozen at the first signature or at posting (FrozenPaper as JSON); NULL before */
  paper_json: string | null;
  /** SHA-256 over the slip as posted, its lines and signature rows (store/postedSlip.ts, 0018); NULL unless posted */
  posted_hash: string | null;
  /** 1: a cash dispatch the carrier collects on delivery (送货收款, 0030); part of the signed content */
  collect_by_carrier: number;
  /** an inbound slip's requisition to HQ (要货单, 0033); not part of the signed content */
  requisition_id: number | null;
}

export interface LineRow {
  id: number;
  slip_id: number;
  line_no: number;
  item_id: number;
  qty: number;
  unit_cost_fen: number | null;
  price_fen: number | null;
  amount_fen: number;
  source_line_id: number | null;
  memo: string;
  shipped_qty: number | null;
  /** what moved on a posted line, at the line's unit cost or price (set once at posting) */
  shipped_amount_fen: number | null;
  /** 1: a return line the keeper received as defective (次品), set once at posting */
  defective: number;
  /** 1: an inbound line entered by its amount (unit_cost_fen NULL, amount_fen exact) */
  amount_entered: number;
  /** a write-off line's cause (0025), copied onto its reversal's line; NULL elsewhere */
  cause: WriteoffCause | null;
}

export type NewLine = Omit<LineRow, 'id' | 'slip_id' | 'shipped_qty' | 'shipped_amount_fen' | 'defective' | 'amount_entered' | 'cause'> & {
  amount_entered?: number;
  cause?: WriteoffCause | null;
  /** a write-off's or return to HQ's line taking defective stock (a return's is marked at posting) */
  defective?: number;
};

// ------------------------------------------------------------------ rows

export function slipRow(db: ReadableDB, id: number): SlipRow {
  return (sql(db, 'SELECT * FROM slips WHERE id = ?').get(id) as SlipRow | undefined) ?? notFound('slip', id);
}

export function slipRowByNo(db: ReadableDB, no: string): SlipRow {
  return (sql(db, 'SELECT * FROM slips WHERE no = ?').get(no) as SlipRow | undefined) ?? notFound('slip', no);
}

export function slipIdByNo(db: ReadableDB, no: string): number | undefined {
  return sql(db, 'SELECT id FROM slips WHERE no = ?').pluck().get(no) as number | undefined;
}

export function lineRows(db: ReadableDB, slipId: number): LineRow[] {
  return sql(db, 'SELECT * FROM slip_lines WHERE slip_id = ? ORDER BY line_no').all(slipId) as LineRow[];
}

export function lineRow(db: ReadableDB, lineId: number): LineRow | undefined {
  return sql(db, 'SELECT * FROM slip_lines WHERE id = ?').get(lineId) as LineRow | undefined;
}

/** The reversal of a slip, if any. */
export function reversalOf(db: ReadableDB, slipId: number): { id: number; no: string } | null {
  return (sql(db, "SELECT id, no FROM slips WHERE kind = 'reversal' AND source_slip_id = ?").get(slipId) as { id: number; no: string } | undefined) ?? null;
}

/** What moved on a posted line (a confirmed short pick moves less than the slip says). */
export function shippedOf(l: Pick<LineRow, 'qty' | 'shipped_qty'>): number {
  return l.shipped_qty ?? l.qty;
}

/** Units of a dispatch line that have come back on posted, unreversed returns (what moved, not what the return asked for). */
export function returnedQtyOfLine(db: ReadableDB, dispatchLineId: number): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(COALESCE(rl.shipped_qty, rl.qty)), 0) FROM slip_lines rl JOIN slips rs ON rs.id = rl.slip_id
     WHERE rl.source_line_id = ? AND rs.kind = 'return' AND rs.state = 'posted'
       AND NOT EXISTS (SELECT 1 FROM slips x WHERE x.kind = 'reversal' AND x.source_slip_id = rs.id)`,
  )
    .pluck()
    .get(dispatchLineId) as number;
}

/** Numbers of the posted, unreversed returns against a dispatch. */
export function liveReturnNos(db: ReadableDB, dispatchId: number): string[] {
  return sql(
    db,
    `SELECT rs.no FROM slips rs WHERE rs.kind = 'return' AND rs.source_slip_id = ? AND rs.state = 'posted'
       AND NOT EXISTS (SELECT 1 FROM slips x WHERE x.kind = 'reversal' AND x.source_slip_id = rs.id) ORDER BY rs.id`,
  )
    .pluck()
    .all(dispatchId) as string[];
}

export function itemLabel(db: ReadableDB, itemId: number): { code: string; name: string } {
  return sql(db, 'SELECT code, name FROM items WHERE id = ?').get(itemId) as { code: string; name: string };
}

export function itemForLine(db: ReadableDB, itemId: number): { id: number; price_fen: number; active: number } | undefined {
  return sql(db, 'SELECT id, price_fen, active FROM items WHERE id = ?').get(itemId) as { id: number; price_fen: number; active: number } | undefined;
}

/** A dispatch line as a return line sees it: what went out, and the item's code. */
export function returnSourceLine(db: ReadableDB, lineId: number): { qty: number; shipped_qty: number | null; code: string } {
  return sql(db, 'SELECT l.qty, l.shipped_qty, i.code FROM slip_lines l JOIN items i ON i.id = l.item_id WHERE l.id = ?').get(lineId) as {
    qty: number;
    shipped_qty: number | null;
    code: string;
  };
}

export function movesOfSlip(db: ReadableDB, slipId: number): MoveRow[] {
  return sql(db, 'SELECT * FROM stock_moves WHERE slip_id = ? ORDER BY id').all(slipId) as MoveRow[];
}

/** A dispatch line's issues, latest first (a return comes back at those costs). */
export function outMovesOfLine(db: ReadableDB, lineId: number): MoveRow[] {
  return sql(db, "SELECT * FROM stock_moves WHERE slip_line_id = ? AND direction = 'out' AND qty > 0 ORDER BY id DESC").all(lineId) as MoveRow[];
}

// ------------------------------------------------------------------ content and signatures

function codeOf(db: ReadableDB, table: 'customers' | 'suppliers' | 'items', id: number | null): string | null {
  return id == null ? null : (sql(db, `SELECT code FROM ${table} WHERE id = ?`).pluck().get(id) as string);
}

function slipNoOf(db: ReadableDB, id: number | null): string | null {
  return id == null ? null : (sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(id) as string);
}

/** The canonical content a signature covers: everything that defines the slip, in a fixed order. */
export function canonicalContent(db: ReadableDB, row: SlipRow, lines: LineRow[]): string {
  return JSON.stringify({
    v: 1,
    no: row.no,
    kind: row.kind,
    supplier: codeOf(db, 'suppliers', row.supplier_id),
    customer: codeOf(db, 'customers', row.customer_id),
    deliveryNoteNo: row.delivery_note_no,
    paymentMode: row.payment_mode,
    source: slipNoOf(db, row.source_slip_id),
    // a return without a dispatch says so (only then, so every other slip's content reads as before)
    ...(row.pre_golive === 1 ? { preGoLive: true } : {}),
    // so does a dispatch the carrier collects (送货收款, 0030)
    ...(row.collect_by_carrier === 1 ? { collectByCarrier: true } : {}),
    // the paper frozen when it was signed (only then, so every slip before 0017 reads as before)
    ...(row.paper_json !== null ? { paper: JSON.parse(row.paper_json) as unknown } : {}),
    memo: row.memo,
    // a line entered by amount says so (only then, so the content of every other line reads as before)
    lines: lines.map((l) => [
      ...[l.line_no, codeOf(db, 'items', l.item_id), l.qty, l.unit_cost_fen, l.price_fen, l.amount_fen, l.source_line_id, l.memo],
      ...(l.amount_entered === 1 ? ['amount'] : []),
      // a write-off line's cause, and a write-off's or return to HQ's line of defective stock (only
      // then, likewise; a return's defective mark is the keeper's at posting, outside what was signed)
      ...(l.cause !== null ? [`cause:${l.cause}`] : []),
      ...(l.defective === 1 && row.kind !== 'return' ? ['defective'] : []),
    ]),
  });
}

export function contentHash(db: ReadableDB, row: SlipRow, lines: LineRow[] = lineRows(db, row.id)): string {
  return createHash('sha256')
    .update(canonicalContent(db, row, lines))
    .digest('hex');
}

export function signaturePayload(no: string, hash: string, role: Role, userName: string, signedAt: string): string {
  return `branch-desk:slip-signature:v1\n${no}\n${hash}\n${role}\n${userName}\n${signedAt}`;
}

interface SigRow {
  role: Role;
  user_id: number;
  user_name: string;
  signed_at: string;
  content_hash: string;
  signature: string;
}

export function liveSignatures(db: ReadableDB, row: SlipRow, hash: string): Signature[] {
  const rows = sql(
    db,
    `SELECT s.role, s.user_id, u.name AS user_name, s.signed_at, s.content_hash, s.signature
     FROM signatures s JOIN users u ON u.id = s.user_id WHERE s.slip_id = ? AND s.dropped_at IS NULL ORDER BY s.id`,
  ).all(row.id) as SigRow[];
  return rows.map((s) => ({
    role: s.role,
    userId: s.user_id,
    userName: s.user_name,
    signedAt: s.signed_at,
    contentHash: s.content_hash,
    signature: s.signature,
    valid: s.content_hash === hash && verifyOfficeSignature(db, signaturePayload(row.no, s.content_hash, s.role, s.user_name, s.signed_at), s.signature),
  }));
}

export function missingOf(kind: SlipKind, sigs: Signature[]): Role[] {
  return SLIP_SIGNATURES[kind].filter((r) => !sigs.some((s) => s.role === r && s.valid));
}

/** A live finance signature on the slip (not dropped). */
export function hasFinanceSignature(db: ReadableDB, slipId: number): boolean {
  return sql(db, "SELECT 1 FROM signatures WHERE slip_id = ? AND role = 'finance' AND dropped_at IS NULL").get(slipId) !== undefined;
}

// ------------------------------------------------------------------ the slip as read

export function nameOf(db: ReadableDB, table: string, id: number | null): string | null {
  return id == null ? null : (sql(db, `SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string);
}

function lineView(db: ReadableDB, row: SlipRow, l: LineRow, reversed: boolean): SlipLine {
  const posted = row.state === 'posted';
  const item = sql(db, 'SELECT code, name, spec, unit, location FROM items WHERE id = ?').get(l.item_id) as {
    code: string;
    name: string;
    spec: string;
    unit: string;
    location: string;
  };
  return {
    id: l.id,
    lineNo: l.line_no,
    itemId: l.item_id,
    itemCode: item.code,
    itemName: item.name,
    spec: item.spec,
    unit: item.unit,
    location: item.location,
    qty: l.qty,
    unitCostFen: l.unit_cost_fen,
    priceFen: l.price_fen,
    amountFen: lineAmountOf(row.kind, l),
    sourceLineId: l.source_line_id,
    memo: l.memo,
    shippedQty: l.shipped_qty,
    costFen: posted ? (sql(db, 'SELECT COALESCE(SUM(amount_fen), 0) FROM stock_moves WHERE slip_line_id = ?').pluck().get(l.id) as number) : null,
    returnableQty: posted && row.kind === 'dispatch' && !reversed ? shippedOf(l) - returnedQtyOfLine(db, l.id) : null,
    defective: l.defective === 1,
    amountEntered: l.amount_entered === 1,
    cause: l.cause,
    oldestLayer: row.kind === 'dispatch' && row.state === 'draft' ? oldestLayerOf(db, l.item_id) : null,
  };
}

/** The oldest saleable layer on hand of an item: the date and number of the slip that brought it in. */
function oldestLayerOf(db: ReadableDB, itemId: number): { date: string; slipNo: string } | null {
  const r = sql(
    db,
    `SELECT m.business_date AS date, s.no AS slipNo FROM stock_layers l
     JOIN stock_moves m ON m.layer_id = l.id AND m.direction = 'in' AND m.qty > 0 JOIN slips s ON s.id = m.slip_id
     WHERE l.item_id = ? AND l.defective = 0 AND l.remaining_qty > 0 ORDER BY l.id LIMIT 1`,
  ).get(itemId) as { date: string; slipNo: string } | undefined;
  return r ?? null;
}

/** A line's amount as the slip totals it: a write-off's or return to HQ's is the FIFO cost it left at
 *  (known once posted; 0 on a draft), every other kind's its stored amount. */
function lineAmountOf(kind: SlipKind, l: LineRow): number {
  return isAdjustmentKind(kind) ? (l.shipped_amount_fen ?? 0) : l.amount_fen;
}

export function slipView(db: ReadableDB, row: SlipRow): Slip {
  const lines = lineRows(db, row.id);
  const hash = contentHash(db, row, lines);
  const sigs = liveSignatures(db, row, hash);
  const reversedBy = row.state === 'posted' ? reversalOf(db, row.id) : null;
  return {
    id: row.id,
    no: row.no,
    kind: row.kind,
    state: row.state,
    businessDate: row.business_date,
    supplierId: row.supplier_id,
    supplierName: nameOf(db, 'suppliers', row.supplier_id),
    customerId: row.customer_id,
    customerName: nameOf(db, 'customers', row.customer_id),
    deliveryNoteNo: row.delivery_note_no,
    paymentMode: row.payment_mode,
    sourceSlipId: row.source_slip_id,
    sourceSlipNo: slipNoOf(db, row.source_slip_id),
    preGoLive: row.pre_golive === 1,
    memo: row.memo,
    reason: row.reason,
    secondDeliveryReason: row.second_delivery_reason,
    totalQty: lines.reduce((s, l) => s + l.qty, 0),
    totalAmountFen: lines.reduce((s, l) => s + lineAmountOf(row.kind, l), 0),
    createdBy: { id: row.created_by, name: nameOf(db, 'users', row.created_by)! },
    createdAt: row.created_at,
    postedBy: row.posted_by == null ? null : { id: row.posted_by, name: nameOf(db, 'users', row.posted_by)! },
    postedAt: row.posted_at,
    voidedAt: row.voided_at,
    reversedBy,
    version: row.version,
    contentHash: hash,
    lines: lines.map((l) => lineView(db, row, l, reversedBy != null)),
    signatures: sigs,
    requiredSignatures: [...SLIP_SIGNATURES[row.kind]],
    missingSignatures: missingOf(row.kind, sigs),
    refund: slipRefundView(db, row.id),
    carrier: carrierOf(db, row.id),
    collectByCarrier: row.collect_by_carrier === 1,
    deliveryCash: slipDeliveryCashView(db, row.id),
    requisition:
      row.requisition_id == null
        ? null
        : { id: row.requisition_id, no: sql(db, 'SELECT no FROM requisitions WHERE id = ?').pluck().get(row.requisition_id) as string },
  };
}

export interface SlipFilter {
  kind?: SlipKind;
  state?: SlipState;
  from?: string;
  to?: string;
  customerId?: number;
  query: string;
  limit: number;
  offset: number;
  /** the reader's reach over alias `s` (reads/scope.ts slipReachSql); left out: every slip */
  reachSql?: string;
}

function slipWhere(f: SlipFilter): { w: string; args: Record<string, unknown> } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.kind) (where.push('s.kind = @kind'), (args.kind = f.kind));
  if (f.state) (where.push('s.state = @state'), (args.state = f.state));
  if (f.from) (where.push('s.business_date >= @from'), (args.from = f.from));
  if (f.to) (where.push('s.business_date <= @to'), (args.to = f.to));
  if (f.customerId) (where.push('s.customer_id = @customerId'), (args.customerId = f.customerId));
  if (f.reachSql) where.push(f.reachSql);
  if (f.query) {
    where.push("(s.no LIKE @q ESCAPE '\\' OR s.delivery_note_no LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR c.pinyin LIKE @qp ESCAPE '\\')");
    args.q = `%${likeEscape(f.query)}%`;
    args.qp = String(args.q).toLowerCase();
  }
  return { w: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

function summaryView(r: SlipRow & Record<string, any>): SlipSummary {
  const signed = (r.signed_roles ? String(r.signed_roles).split(',') : []) as Role[];
  return {
    id: r.id,
    no: r.no,
    kind: r.kind,
    state: r.state,
    businessDate: r.business_date,
    customerName: r.customer_name ?? null,
    supplierName: r.supplier_name ?? null,
    deliveryNoteNo: r.delivery_note_no,
    paymentMode: r.payment_mode,
    sourceSlipNo: r.source_no ?? null,
    preGoLive: r.pre_golive === 1,
    totalQty: r.total_qty,
    totalAmountFen: r.total_amount,
    createdAt: r.created_at,
    postedAt: r.posted_at,
    reversedBy: r.rev_id ? { id: r.rev_id, no: r.rev_no } : null,
    missingSignatures: SLIP_SIGNATURES[r.kind as SlipKind].filter((x) => !signed.includes(x)),
    carrier: r.carrier_id == null ? null : { id: r.carrier_id, name: r.carrier_name },
    lineCount: r.line_count,
  };
}

export function listSlips(db: ReadableDB, f: SlipFilter): { rows: SlipSummary[]; total: number } {
  const { w, args } = slipWhere(f);
  const from = 'FROM slips s LEFT JOIN customers c ON c.id = s.customer_id';
  const total = db.prepare(`SELECT COUNT(*) ${from} ${w}`).pluck().get(args) as number;
  const rows = db
    .prepare(
      `SELECT s.*, c.name AS customer_name, p.name AS supplier_name, src.no AS source_no, rv.id AS rev_id, rv.no AS rev_no,
         (SELECT COUNT(*) FROM slip_lines l WHERE l.slip_id = s.id) AS line_count,
         (SELECT COALESCE(SUM(l.qty), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS total_qty,
         (SELECT COALESCE(SUM(CASE WHEN s.kind IN ('writeoff', 'hqReturn') THEN COALESCE(l.shipped_amount_fen, 0) ELSE l.amount_fen END), 0)
            FROM slip_lines l WHERE l.slip_id = s.id) AS total_amount,
         (SELECT group_concat(g.role) FROM signatures g WHERE g.slip_id = s.id AND g.dropped_at IS NULL) AS signed_roles,
         ku.id AS carrier_id, ku.name AS carrier_name
       ${from}
       LEFT JOIN suppliers p ON p.id = s.supplier_id
       LEFT JOIN slips src ON src.id = s.source_slip_id
       LEFT JOIN slips rv ON rv.kind = 'reversal' AND rv.source_slip_id = s.id
       LEFT JOIN users ku ON ku.id = (SELECT k.carrier_id FROM slip_carriers k WHERE k.slip_id = s.id ORDER BY k.id DESC LIMIT 1)
       ${w} ORDER BY s.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: f.limit, offset: f.offset }) as (SlipRow & Record<string, any>)[];
  return { total, rows: rows.map(summaryView) };
}

// ------------------------------------------------------------------ writes

/** A new slip's row: always a draft, and the rest as it is filled in. */
export type SlipInsert = Pick<
  SlipRow,
  | 'no'
  | 'kind'
  | 'business_date'
  | 'supplier_id'
  | 'customer_id'
  | 'delivery_note_no'
  | 'payment_mode'
  | 'source_slip_id'
  | 'memo'
  | 'reason'
  | 'created_by'
  | 'created_at'
> &
  Partial<Pick<SlipRow, 'pre_golive' | 'collect_by_carrier' | 'requisition_id'>>;

export function insertSlip(db: WritableDB, s: SlipInsert): number {
  const info = sql(
    db,
    `INSERT INTO slips (no, kind, state, business_date, supplier_id, customer_id, delivery_note_no, payment_mode, source_slip_id, memo, reason,
       created_by, created_at, updated_at, pre_golive, collect_by_carrier, requisition_id)
     VALUES (@no, @kind, 'draft', @business_date, @supplier_id, @customer_id, @delivery_note_no, @payment_mode, @source_slip_id, @memo, @reason,
       @created_by, @created_at, @created_at, @pre_golive, @collect_by_carrier, @requisition_id)`,
  ).run({ ...s, pre_golive: s.pre_golive ?? 0, collect_by_carrier: s.collect_by_carrier ?? 0, requisition_id: s.requisition_id ?? null });
  return Number(info.lastInsertRowid);
}

export function insertLines(db: WritableDB, slipId: number, lines: NewLine[]): void {
  const ins = sql(
    db,
    `INSERT INTO slip_lines (slip_id, line_no, item_id, qty, unit_cost_fen, price_fen, amount_fen, source_line_id, memo, amount_entered, cause, defective)
     VALUES (@slip_id, @line_no, @item_id, @qty, @unit_cost_fen, @price_fen, @amount_fen, @source_line_id, @memo, @amount_entered, @cause, @defective)`,
  );
  for (const l of lines) ins.run({ ...l, amount_entered: l.amount_entered ?? 0, cause: l.cause ?? null, defective: l.defective ?? 0, slip_id: slipId });
}

export function deleteLines(db: WritableDB, slipId: number): void {
  sql(db, 'DELETE FROM slip_lines WHERE slip_id = ?').run(slipId);
}

export function updateHeader(db: WritableDB, next: SlipRow, at: string): void {
  sql(
    db,
    `UPDATE slips SET supplier_id = @supplier_id, customer_id = @customer_id, delivery_note_no = @delivery_note_no,
       payment_mode = @payment_mode, source_slip_id = @source_slip_id, memo = @memo, collect_by_carrier = @collect_by_carrier,
       requisition_id = @requisition_id, updated_at = @updated_at, version = version + 1
     WHERE id = @id`,
  ).run({ ...next, updated_at: at });
}

export function markVoid(db: WritableDB, slipId: number, reason: string, by: number, at: string): void {
  sql(db, "UPDATE slips SET state = 'void', reason = ?, voided_by = ?, voided_at = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(
    reason,
    by,
    at,
    at,
    slipId,
  );
}

/** What moved on each line of a slip being posted, stored once: quantity and amount. */
export function setShipped(db: WritableDB, lineId: number, qty: number, amountFen: number): void {
  sql(db, 'UPDATE slip_lines SET shipped_qty = ?, shipped_amount_fen = ? WHERE id = ?').run(qty, amountFen, lineId);
}

/** The posted, unreversed inbounds of a supplier under a delivery note number. */
export function postedUnderDeliveryNote(db: ReadableDB, supplierId: number, deliveryNoteNo: string): string[] {
  return sql(
    db,
    `SELECT s.no FROM slips s WHERE s.kind = 'inbound' AND s.state = 'posted' AND s.supplier_id = ? AND s.delivery_note_no = ?
       AND NOT EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) ORDER BY s.id`,
  )
    .pluck()
    .all(supplierId, deliveryNoteNo) as string[];
}

export function markSecondDelivery(db: WritableDB, slipId: number, reason: string): void {
  sql(db, 'UPDATE slips SET second_delivery_reason = ? WHERE id = ?').run(reason, slipId);
}

/** A return line received as defective (次品): marked while the slip is still a draft, at its posting. */
export function markDefective(db: WritableDB, lineId: number): void {
  sql(db, 'UPDATE slip_lines SET defective = 1 WHERE id = ?').run(lineId);
}

/** Posting order: one sequence across all slips. */
export function nextPostSeq(db: ReadableDB): number {
  return sql(db, 'SELECT COALESCE(MAX(post_seq), 0) + 1 FROM slips').pluck().get() as number;
}

/** Post the slip; its posted hash (store/postedSlip.ts) is taken over the row as posted, its lines and signatures, and stored with it. */
export function markPosted(db: WritableDB, slipId: number, p: { by: number; at: string; seq: number; businessDate: string; keepVersion?: boolean }): string {
  const row = slipRow(db, slipId);
  const posted = { ...row, state: 'posted' as const, posted_by: p.by, posted_at: p.at, post_seq: p.seq };
  // a reversal is born posted: its draft row was written a moment ago, dated today, version 1
  const next: SlipRow = p.keepVersion ? posted : { ...posted, business_date: p.businessDate, updated_at: p.at, version: row.version + 1 };
  const hash = postedSlipHash(db, next);
  sql(
    db,
    "UPDATE slips SET state = 'posted', posted_by = ?, posted_at = ?, post_seq = ?, business_date = ?, updated_at = ?, version = ?, posted_hash = ? WHERE id = ?",
  ).run(next.posted_by, next.posted_at, next.post_seq, next.business_date, next.updated_at, next.version, hash, slipId);
  return hash;
}

export function dropSignatures(db: WritableDB, slipId: number, at: string, role?: Role): void {
  if (role) sql(db, 'UPDATE signatures SET dropped_at = ? WHERE slip_id = ? AND role = ? AND dropped_at IS NULL').run(at, slipId, role);
  else sql(db, 'UPDATE signatures SET dropped_at = ? WHERE slip_id = ? AND dropped_at IS NULL').run(at, slipId);
}

export function insertSignature(db: WritableDB, s: { slipId: number; role: Role; userId: number; at: string; hash: string; signature: string }): void {
  sql(db, 'INSERT INTO signatures (slip_id, role, user_id, signed_at, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.slipId,
    s.role,
    s.userId,
    s.at,
    s.hash,
    s.signature,
  );
}

// ------------------------------------------------------------------ the paper, frozen (0017)

/** What a slip's paper shows, frozen when it is first signed (or posted unsigned): the party and each line's item, by line id. */
export interface FrozenPaper {
  party: { name: string; contact: string; phone: string; address: string } | null;
  lines: Record<string, { code: string; name: string; spec: string; unit: string }>;
}

/** Freeze what the paper shows from today's master data; it is part of the signed content from now on. */
export function freezePaper(db: WritableDB, row: SlipRow, lines: LineRow[]): void {
  const table = row.customer_id != null ? 'customers' : row.supplier_id != null ? 'suppliers' : null;
  const p = table ? partyContact(db, table, (row.customer_id ?? row.supplier_id)!) : null;
  const item = sql(db, 'SELECT code, name, spec, unit FROM items WHERE id = ?');
  const paper: FrozenPaper = {
    party: p ? { name: p.name, contact: p.contact, phone: p.phone, address: p.address } : null,
    lines: Object.fromEntries(lines.map((l) => [String(l.id), item.get(l.item_id) as FrozenPaper['lines'][string]])),
  };
  sql(db, 'UPDATE slips SET paper_json = ? WHERE id = ?').run(JSON.stringify(paper), row.id);
}

/** A draft's lines changed (its signatures dropped): the next first signature freezes it again. */
export function thawPaper(db: WritableDB, slipId: number): void {
  sql(db, 'UPDATE slips SET paper_json = NULL WHERE id = ? AND paper_json IS NOT NULL').run(slipId);
}

export function frozenPaperOf(db: ReadableDB, slipId: number): FrozenPaper | null {
  const j = sql(db, 'SELECT paper_json FROM slips WHERE id = ?').pluck().get(slipId) as string | null;
  return j === null ? null : (JSON.parse(j) as FrozenPaper);
}
