// Slips: inbound (进仓单), dispatch (发货单), customer return (退货单) and reversal (红字冲销单).
// A draft may be edited and voided; signing records who signed as which role over a hash of the
// content; posting moves stock through the FIFO layers; a posted slip is only ever reversed.

import { createHash } from 'node:crypto';
import type { DB } from '../../store/db';
import { sql } from '../../store/db';
import { DeskError, fail } from '../../../shared/errors';
import {
  SLIP_PREFIX,
  SLIP_SIGNATURES,
  SLIP_KIND_ZH,
  type CreatableSlipKind,
  type PaymentMode,
  type Signature,
  type Slip,
  type SlipKind,
  type SlipLine,
  type SlipLineInput,
  type SlipState,
  type SlipSummary,
} from '../../../shared/contract';
import { MAX_FEN } from '../../../shared/money';
import { ROLE_EN, ROLE_ZH, type Role } from '../../../shared/roles';
import { balanceOf, isLayerUntouched, issue, receive, returnedOf, reverseMove, takeCost, type MoveRow, type PostingCtx } from '../../ledger/fifo';
import { signWithOfficeKey, verifyOfficeSignature } from '../../ledger/officeKey';

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
}

type NewLine = Omit<LineRow, 'id' | 'slip_id' | 'shipped_qty'>;

export interface Actor {
  id: number;
  roles: readonly Role[];
}

export interface WriteCtx {
  db: DB;
  nowIso: string;
  businessDate: string;
  actor: Actor;
}

const WHAT = {
  slip: ['slip', '单据'],
  item: ['item', '商品'],
  customer: ['customer', '客户'],
  supplier: ['supplier', '供应商'],
  line: ['slip line', '单据行'],
} as const;

export function notFound(what: keyof typeof WHAT, key: unknown): never {
  fail('not_found', { what: WHAT[what][0], what_zh: WHAT[what][1], key });
}

function invalid(zh: string, en: string): never {
  throw new DeskError('invalid_input', { summary_zh: zh, summary_en: en });
}

// ------------------------------------------------------------------ reading

export function slipRow(db: DB, id: number): SlipRow {
  return (sql(db, 'SELECT * FROM slips WHERE id = ?').get(id) as SlipRow | undefined) ?? notFound('slip', id);
}

export function slipRowByNo(db: DB, no: string): SlipRow {
  return (sql(db, 'SELECT * FROM slips WHERE no = ?').get(no) as SlipRow | undefined) ?? notFound('slip', no);
}

function lineRows(db: DB, slipId: number): LineRow[] {
  return sql(db, 'SELECT * FROM slip_lines WHERE slip_id = ? ORDER BY line_no').all(slipId) as LineRow[];
}

/** The reversal of a slip, if any. */
function reversalOf(db: DB, slipId: number): { id: number; no: string } | null {
  return (sql(db, "SELECT id, no FROM slips WHERE kind = 'reversal' AND source_slip_id = ?").get(slipId) as { id: number; no: string } | undefined) ?? null;
}

/** Units of a dispatch line that have come back on posted, unreversed returns (what moved, not what the return asked for). */
function returnedQtyOfLine(db: DB, dispatchLineId: number): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(COALESCE(rl.shipped_qty, rl.qty)), 0) FROM slip_lines rl JOIN slips rs ON rs.id = rl.slip_id
     WHERE rl.source_line_id = ? AND rs.kind = 'return' AND rs.state = 'posted'
       AND NOT EXISTS (SELECT 1 FROM slips x WHERE x.kind = 'reversal' AND x.source_slip_id = rs.id)`,
  )
    .pluck()
    .get(dispatchLineId) as number;
}

/** What moved on a posted line (a confirmed short pick moves less than the slip says). */
function shippedOf(l: Pick<LineRow, 'qty' | 'shipped_qty'>): number {
  return l.shipped_qty ?? l.qty;
}

/** The canonical content a signature covers: everything that defines the slip, in a fixed order. */
export function canonicalContent(db: DB, row: SlipRow, lines: LineRow[]): string {
  const code = (table: 'customers' | 'suppliers' | 'items', id: number | null) =>
    id == null ? null : (sql(db, `SELECT code FROM ${table} WHERE id = ?`).pluck().get(id) as string);
  const source = row.source_slip_id == null ? null : (sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(row.source_slip_id) as string);
  return JSON.stringify({
    v: 1,
    no: row.no,
    kind: row.kind,
    supplier: code('suppliers', row.supplier_id),
    customer: code('customers', row.customer_id),
    deliveryNoteNo: row.delivery_note_no,
    paymentMode: row.payment_mode,
    source,
    memo: row.memo,
    lines: lines.map((l) => [l.line_no, code('items', l.item_id), l.qty, l.unit_cost_fen, l.price_fen, l.amount_fen, l.source_line_id, l.memo]),
  });
}

export function contentHash(db: DB, row: SlipRow, lines: LineRow[] = lineRows(db, row.id)): string {
  return createHash('sha256').update(canonicalContent(db, row, lines)).digest('hex');
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

function liveSignatures(db: DB, row: SlipRow, hash: string): Signature[] {
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

function missingOf(kind: SlipKind, sigs: Signature[]): Role[] {
  return SLIP_SIGNATURES[kind].filter((r) => !sigs.some((s) => s.role === r && s.valid));
}

export function slipView(db: DB, row: SlipRow): Slip {
  const lines = lineRows(db, row.id);
  const hash = contentHash(db, row, lines);
  const sigs = liveSignatures(db, row, hash);
  const name = (table: string, id: number | null) => (id == null ? null : (sql(db, `SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string));
  const reversedBy = row.state === 'posted' ? reversalOf(db, row.id) : null;
  const posted = row.state === 'posted';
  const lineViews: SlipLine[] = lines.map((l) => {
    const item = sql(db, 'SELECT code, name, spec, unit FROM items WHERE id = ?').get(l.item_id) as { code: string; name: string; spec: string; unit: string };
    const cost = posted
      ? (sql(db, 'SELECT COALESCE(SUM(amount_fen), 0) FROM stock_moves WHERE slip_line_id = ?').pluck().get(l.id) as number)
      : null;
    return {
      id: l.id,
      lineNo: l.line_no,
      itemId: l.item_id,
      itemCode: item.code,
      itemName: item.name,
      spec: item.spec,
      unit: item.unit,
      qty: l.qty,
      unitCostFen: l.unit_cost_fen,
      priceFen: l.price_fen,
      amountFen: l.amount_fen,
      sourceLineId: l.source_line_id,
      memo: l.memo,
      shippedQty: l.shipped_qty,
      costFen: cost,
      returnableQty: posted && row.kind === 'dispatch' && !reversedBy ? shippedOf(l) - returnedQtyOfLine(db, l.id) : null,
    };
  });
  return {
    id: row.id,
    no: row.no,
    kind: row.kind,
    state: row.state,
    businessDate: row.business_date,
    supplierId: row.supplier_id,
    supplierName: name('suppliers', row.supplier_id),
    customerId: row.customer_id,
    customerName: name('customers', row.customer_id),
    deliveryNoteNo: row.delivery_note_no,
    paymentMode: row.payment_mode,
    sourceSlipId: row.source_slip_id,
    sourceSlipNo: row.source_slip_id == null ? null : (sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(row.source_slip_id) as string),
    memo: row.memo,
    reason: row.reason,
    totalQty: lines.reduce((s, l) => s + l.qty, 0),
    totalAmountFen: lines.reduce((s, l) => s + l.amount_fen, 0),
    createdBy: { id: row.created_by, name: name('users', row.created_by)! },
    createdAt: row.created_at,
    postedBy: row.posted_by == null ? null : { id: row.posted_by, name: name('users', row.posted_by)! },
    postedAt: row.posted_at,
    voidedAt: row.voided_at,
    reversedBy,
    version: row.version,
    contentHash: hash,
    lines: lineViews,
    signatures: sigs,
    requiredSignatures: [...SLIP_SIGNATURES[row.kind]],
    missingSignatures: missingOf(row.kind, sigs),
  };
}

export function listSlips(
  db: DB,
  f: { kind?: SlipKind; state?: SlipState; from?: string; to?: string; customerId?: number; query: string; limit: number; offset: number },
): { rows: SlipSummary[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.kind) (where.push('s.kind = @kind'), (args.kind = f.kind));
  if (f.state) (where.push('s.state = @state'), (args.state = f.state));
  if (f.from) (where.push('s.business_date >= @from'), (args.from = f.from));
  if (f.to) (where.push('s.business_date <= @to'), (args.to = f.to));
  if (f.customerId) (where.push('s.customer_id = @customerId'), (args.customerId = f.customerId));
  if (f.query) {
    where.push("(s.no LIKE @q ESCAPE '\\' OR s.delivery_note_no LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR c.pinyin LIKE @qp ESCAPE '\\')");
    args.q = `%${likeEscape(f.query)}%`;
    args.qp = String(args.q).toLowerCase();
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM slips s LEFT JOIN customers c ON c.id = s.customer_id';
  const total = db.prepare(`SELECT COUNT(*) ${from} ${w}`).pluck().get(args) as number;
  const rows = db
    .prepare(
      `SELECT s.*, c.name AS customer_name, p.name AS supplier_name, src.no AS source_no, rv.id AS rev_id, rv.no AS rev_no,
         (SELECT COUNT(*) FROM slip_lines l WHERE l.slip_id = s.id) AS line_count,
         (SELECT COALESCE(SUM(l.qty), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS total_qty,
         (SELECT COALESCE(SUM(l.amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS total_amount,
         (SELECT group_concat(g.role) FROM signatures g WHERE g.slip_id = s.id AND g.dropped_at IS NULL) AS signed_roles
       ${from}
       LEFT JOIN suppliers p ON p.id = s.supplier_id
       LEFT JOIN slips src ON src.id = s.source_slip_id
       LEFT JOIN slips rv ON rv.kind = 'reversal' AND rv.source_slip_id = s.id
       ${w} ORDER BY s.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: f.limit, offset: f.offset }) as (SlipRow & Record<string, any>)[];
  return {
    total,
    rows: rows.map((r) => {
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
        totalQty: r.total_qty,
        totalAmountFen: r.total_amount,
        createdAt: r.created_at,
        postedAt: r.posted_at,
        reversedBy: r.rev_id ? { id: r.rev_id, no: r.rev_no } : null,
        missingSignatures: SLIP_SIGNATURES[r.kind as SlipKind].filter((x) => !signed.includes(x)),
        lineCount: r.line_count,
      };
    }),
  };
}

export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ------------------------------------------------------------------ numbering

/** prefix + yyyyMMdd + 4-digit serial; the serial is taken in the same transaction as the slip. */
export function nextSlipNo(db: DB, kind: SlipKind, businessDate: string): string {
  const prefix = SLIP_PREFIX[kind];
  const day = businessDate.replace(/-/g, '');
  const last = sql(
    db,
    `INSERT INTO number_series (prefix, day, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1 RETURNING last`,
  )
    .pluck()
    .get(prefix, day) as number;
  return `${prefix}${day}${String(last).padStart(4, '0')}`;
}

// ------------------------------------------------------------------ drafts

export interface SlipHeaderInput {
  supplierId?: number | null;
  customerId?: number | null;
  deliveryNoteNo?: string | null;
  paymentMode?: PaymentMode | null;
  sourceSlipId?: number | null;
  memo?: string | null;
}

const HEADER_FIELDS_BY_KIND: Record<CreatableSlipKind, (keyof SlipHeaderInput)[]> = {
  inbound: ['supplierId', 'deliveryNoteNo', 'memo'],
  dispatch: ['customerId', 'paymentMode', 'memo'],
  return: ['customerId', 'paymentMode', 'sourceSlipId', 'memo'],
};

const FIELD_ZH: Record<keyof SlipHeaderInput, string> = {
  supplierId: '供应商',
  customerId: '客户',
  deliveryNoteNo: '随货同行联号',
  paymentMode: '结算方式',
  sourceSlipId: '原发货单',
  memo: '备注',
};

function checkHeaderFields(kind: CreatableSlipKind, h: SlipHeaderInput): void {
  const allowed = HEADER_FIELDS_BY_KIND[kind];
  for (const k of Object.keys(h) as (keyof SlipHeaderInput)[]) {
    if (h[k] != null && !allowed.includes(k)) {
      invalid(`${SLIP_KIND_ZH[kind]}没有「${FIELD_ZH[k]}」`, `a ${kind} slip has no field ${k}`);
    }
  }
}

/** The posted, unreversed dispatch a return may come back against. */
function returnableDispatch(db: DB, sourceSlipId: number): SlipRow {
  const src = slipRow(db, sourceSlipId);
  if (src.kind !== 'dispatch') fail('wrong_slip_kind', { no: src.no, expected: 'dispatch', expected_zh: '发货单' });
  if (src.state !== 'posted') fail('slip_not_posted', { no: src.no, state: src.state });
  const rev = reversalOf(db, src.id);
  if (rev) fail('slip_already_reversed', { no: src.no, reversalNo: rev.no });
  return src;
}

function checkAmount(qty: number, unit: number | null): number {
  if (unit == null) return 0;
  const amount = qty * unit;
  if (!Number.isSafeInteger(amount) || amount > MAX_FEN) fail('amount_too_large');
  return amount;
}

function normaliseLines(db: DB, kind: CreatableSlipKind, header: { source_slip_id: number | null }, lines: SlipLineInput[]): NewLine[] {
  return lines.map((l, i) => {
    const lineNo = i + 1;
    const item = sql(db, 'SELECT id, price_fen, active FROM items WHERE id = ?').get(l.itemId) as
      | { id: number; price_fen: number; active: number }
      | undefined;
    if (!item) notFound('item', l.itemId);
    const base = { line_no: lineNo, item_id: l.itemId, qty: l.qty, memo: l.memo ?? '', source_line_id: null as number | null };
    if (kind !== 'return' && l.sourceLineId != null) invalid(`第 ${lineNo} 行: 只有退货单的行可以指向原发货行`, `line ${lineNo}: only return lines point at a dispatch line`);
    if (kind === 'inbound') {
      if (l.priceFen != null) invalid(`第 ${lineNo} 行: 进仓单填写单位成本, 不填售价`, `line ${lineNo}: an inbound line takes a unit cost, not a price`);
      const unit = l.unitCostFen ?? null;
      return { ...base, unit_cost_fen: unit, price_fen: null, amount_fen: checkAmount(l.qty, unit) };
    }
    if (l.unitCostFen != null) invalid(`第 ${lineNo} 行: 成本由先进先出自动计算, 不能填写`, `line ${lineNo}: cost comes from FIFO and cannot be entered`);
    if (kind === 'dispatch') {
      const price = l.priceFen ?? item.price_fen;
      return { ...base, unit_cost_fen: null, price_fen: price, amount_fen: checkAmount(l.qty, price) };
    }
    // return: against a line of the source dispatch, at its price
    if (header.source_slip_id == null) fail('slip_field_required', { field: 'sourceSlipId', field_zh: '原发货单' });
    if (l.sourceLineId == null) fail('return_line_mismatch', { lineNo });
    const src = sql(db, 'SELECT * FROM slip_lines WHERE id = ?').get(l.sourceLineId) as LineRow | undefined;
    if (!src || src.slip_id !== header.source_slip_id || src.item_id !== l.itemId) fail('return_line_mismatch', { lineNo });
    if (l.priceFen != null && l.priceFen !== src.price_fen)
      invalid(`第 ${lineNo} 行: 退货按原发货单价`, `line ${lineNo}: a return is priced as it was dispatched`);
    return { ...base, source_line_id: src.id, unit_cost_fen: null, price_fen: src.price_fen, amount_fen: checkAmount(l.qty, src.price_fen) };
  });
}

/** A return may not take back more of a dispatch line than went out and has not yet come back. */
function checkReturnable(db: DB, lines: NewLine[] | LineRow[]): void {
  const want = new Map<number, number>();
  for (const l of lines) want.set(l.source_line_id!, (want.get(l.source_line_id!) ?? 0) + l.qty);
  const short: { itemCode: string; requested: number; returnable: number }[] = [];
  for (const [srcLineId, requested] of want) {
    const src = sql(db, 'SELECT l.qty, l.shipped_qty, i.code FROM slip_lines l JOIN items i ON i.id = l.item_id WHERE l.id = ?').get(srcLineId) as {
      qty: number;
      shipped_qty: number | null;
      code: string;
    };
    const returnable = shippedOf(src) - returnedQtyOfLine(db, srcLineId);
    if (requested > returnable) short.push({ itemCode: src.code, requested, returnable });
  }
  if (short.length) fail('return_exceeds_dispatch', { lines: short });
}

function checkParties(db: DB, h: SlipHeaderInput): void {
  if (h.customerId != null && !sql(db, 'SELECT 1 FROM customers WHERE id = ?').get(h.customerId)) notFound('customer', h.customerId);
  if (h.supplierId != null && !sql(db, 'SELECT 1 FROM suppliers WHERE id = ?').get(h.supplierId)) notFound('supplier', h.supplierId);
}

function insertLines(db: DB, slipId: number, lines: NewLine[]): void {
  const ins = sql(
    db,
    `INSERT INTO slip_lines (slip_id, line_no, item_id, qty, unit_cost_fen, price_fen, amount_fen, source_line_id, memo)
     VALUES (@slip_id, @line_no, @item_id, @qty, @unit_cost_fen, @price_fen, @amount_fen, @source_line_id, @memo)`,
  );
  for (const l of lines) ins.run({ ...l, slip_id: slipId });
}

/** A return's customer is the dispatch's customer. */
function returnCustomer(db: DB, h: SlipHeaderInput): number | null {
  if (h.sourceSlipId == null) return h.customerId ?? null;
  const src = returnableDispatch(db, h.sourceSlipId);
  if (h.customerId != null && h.customerId !== src.customer_id)
    invalid('退货单的客户须与原发货单一致', 'a return’s customer must be the dispatch’s customer');
  return src.customer_id;
}

export function createSlip(w: WriteCtx, kind: CreatableSlipKind, h: SlipHeaderInput, lines: SlipLineInput[]): SlipRow {
  const { db } = w;
  checkHeaderFields(kind, h);
  checkParties(db, h);
  const customerId = kind === 'return' ? returnCustomer(db, h) : (h.customerId ?? null);
  const norm = normaliseLines(db, kind, { source_slip_id: h.sourceSlipId ?? null }, lines);
  if (kind === 'return' && norm.length) checkReturnable(db, norm);
  const no = nextSlipNo(db, kind, w.businessDate);
  const info = sql(
    db,
    `INSERT INTO slips (no, kind, state, business_date, supplier_id, customer_id, delivery_note_no, payment_mode, source_slip_id, memo,
       created_by, created_at, updated_at)
     VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    no,
    kind,
    w.businessDate,
    h.supplierId ?? null,
    customerId,
    h.deliveryNoteNo ?? null,
    h.paymentMode ?? null,
    h.sourceSlipId ?? null,
    h.memo ?? '',
    w.actor.id,
    w.nowIso,
    w.nowIso,
  );
  const id = Number(info.lastInsertRowid);
  insertLines(db, id, norm);
  return slipRow(db, id);
}

function requireDraft(row: SlipRow): void {
  if (row.state !== 'draft') fail('slip_not_draft', { no: row.no, state: row.state });
}

export function updateSlip(
  w: WriteCtx,
  slipId: number,
  version: number | undefined,
  h: SlipHeaderInput,
  lines: SlipLineInput[] | undefined,
): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireDraft(row);
  if (row.kind === 'reversal') fail('slip_not_draft', { no: row.no, state: row.state });
  if (version != null && version !== row.version) fail('version_conflict', { no: row.no });
  const kind = row.kind as CreatableSlipKind;
  checkHeaderFields(kind, h);
  checkParties(db, h);
  const before = contentHash(db, row);
  const next: SlipRow = { ...row };
  if (h.supplierId !== undefined) next.supplier_id = h.supplierId;
  if (h.customerId !== undefined) next.customer_id = h.customerId;
  if (h.deliveryNoteNo !== undefined) next.delivery_note_no = h.deliveryNoteNo;
  if (h.paymentMode !== undefined) next.payment_mode = h.paymentMode;
  if (h.sourceSlipId !== undefined) next.source_slip_id = h.sourceSlipId;
  if (h.memo !== undefined) next.memo = h.memo ?? '';
  if (kind === 'return') {
    if (h.sourceSlipId !== undefined && h.sourceSlipId !== row.source_slip_id && lines === undefined && lineRows(db, row.id).length)
      invalid('更换原发货单时须同时重填退货行', 'changing the dispatch of a return needs its lines re-entered');
    next.customer_id = returnCustomer(db, { sourceSlipId: next.source_slip_id, customerId: h.customerId ?? null });
  }
  sql(
    db,
    `UPDATE slips SET supplier_id = @supplier_id, customer_id = @customer_id, delivery_note_no = @delivery_note_no,
       payment_mode = @payment_mode, source_slip_id = @source_slip_id, memo = @memo, updated_at = @updated_at, version = version + 1
     WHERE id = @id`,
  ).run({ ...next, updated_at: w.nowIso });
  if (lines !== undefined) {
    const norm = normaliseLines(db, kind, next, lines);
    if (kind === 'return' && norm.length) checkReturnable(db, norm);
    sql(db, 'DELETE FROM slip_lines WHERE slip_id = ?').run(row.id);
    insertLines(db, row.id, norm);
  }
  const updated = slipRow(db, row.id);
  if (contentHash(db, updated) !== before) {
    sql(db, 'UPDATE signatures SET dropped_at = ? WHERE slip_id = ? AND dropped_at IS NULL').run(w.nowIso, row.id);
  }
  return updated;
}

export function voidSlip(w: WriteCtx, slipId: number, reason: string): SlipRow {
  const row = slipRow(w.db, slipId);
  requireDraft(row);
  sql(w.db, "UPDATE slips SET state = 'void', reason = ?, voided_by = ?, voided_at = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(
    reason,
    w.actor.id,
    w.nowIso,
    w.nowIso,
    row.id,
  );
  return slipRow(w.db, row.id);
}

/** Everything a slip needs before it can be signed or posted (stock aside). */
function requireComplete(db: DB, row: SlipRow, lines: LineRow[]): void {
  const need = (ok: unknown, field: string, field_zh: string) => {
    if (ok == null || ok === '') fail('slip_field_required', { field, field_zh });
  };
  if (lines.length === 0) fail('slip_empty', { no: row.no });
  if (row.kind === 'inbound') {
    need(row.supplier_id, 'supplier', '供应商');
    need(row.delivery_note_no, 'delivery note no. (随货同行联)', '随货同行联号');
    for (const l of lines) need(l.unit_cost_fen, `unit cost of line ${l.line_no}`, `第 ${l.line_no} 行的单位成本`);
  } else if (row.kind === 'dispatch') {
    need(row.customer_id, 'customer', '客户');
    need(row.payment_mode, 'payment mode', '结算方式');
  } else if (row.kind === 'return') {
    need(row.source_slip_id, 'original dispatch', '原发货单');
    need(row.payment_mode, 'refund mode', '退款方式');
    returnableDispatch(db, row.source_slip_id!);
  }
}

// ------------------------------------------------------------------ signing

export function signSlip(w: WriteCtx, slipId: number, role: Role, signer: { id: number; name: string; roles: Role[] }): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireDraft(row);
  const order = SLIP_SIGNATURES[row.kind];
  if (!order.includes(role))
    fail('role_cannot_sign', { role, role_zh: ROLE_ZH[role], kind: row.kind, kind_zh: SLIP_KIND_ZH[row.kind] });
  if (!signer.roles.includes(role)) fail('role_not_held', { user: signer.name, role, role_zh: ROLE_ZH[role] });
  const lines = lineRows(db, row.id);
  requireComplete(db, row, lines);
  const hash = contentHash(db, row, lines);
  const sigs = liveSignatures(db, row, hash);
  const mine = sigs.find((s) => s.role === role);
  if (mine?.valid) fail('already_signed', { role, role_zh: ROLE_ZH[role] });
  for (const before of order.slice(0, order.indexOf(role))) {
    if (!sigs.some((s) => s.role === before && s.valid)) fail('signature_order', { needs: ROLE_EN[before], needs_zh: ROLE_ZH[before] });
  }
  if (mine) sql(db, 'UPDATE signatures SET dropped_at = ? WHERE slip_id = ? AND role = ? AND dropped_at IS NULL').run(w.nowIso, row.id, role);
  const signature = signWithOfficeKey(db, signaturePayload(row.no, hash, role, signer.name, w.nowIso));
  sql(db, 'INSERT INTO signatures (slip_id, role, user_id, signed_at, content_hash, signature) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.id,
    role,
    signer.id,
    w.nowIso,
    hash,
    signature,
  );
  return row;
}

// ------------------------------------------------------------------ posting

function itemLabel(db: DB, itemId: number): { code: string; name: string } {
  return sql(db, 'SELECT code, name FROM items WHERE id = ?').get(itemId) as { code: string; name: string };
}

export interface PickInput {
  picked?: { lineId: number; qty: number }[];
  confirmShort: boolean;
}

/** What each line ships: the slip's quantities, or the keeper's pick (short only when confirmed). */
function shippedQuantities(db: DB, row: SlipRow, lines: LineRow[], pick: PickInput): number[] {
  if (!pick.picked) return lines.map((l) => l.qty);
  if (row.kind !== 'dispatch' && row.kind !== 'return') fail('pick_not_allowed', { no: row.no });
  const byLine = new Map<number, number>();
  for (const p of pick.picked) {
    if (!lines.some((l) => l.id === p.lineId)) notFound('line', p.lineId);
    byLine.set(p.lineId, (byLine.get(p.lineId) ?? 0) + p.qty);
  }
  const shipped = lines.map((l) => byLine.get(l.id) ?? 0);
  const label = (i: number) => ({ itemCode: itemLabel(db, lines[i].item_id).code, ordered: lines[i].qty, picked: shipped[i] });
  const over = lines.flatMap((l, i) => (shipped[i] > l.qty ? [label(i)] : []));
  if (over.length) fail('over_pick', { lines: over });
  if (shipped.every((q) => q === 0)) fail('nothing_picked', { no: row.no });
  const short = lines.flatMap((l, i) => (shipped[i] < l.qty ? [label(i)] : []));
  if (short.length && !pick.confirmShort) fail('short_pick_unconfirmed', { lines: short });
  return shipped;
}

export function postSlip(w: WriteCtx, slipId: number, pick: PickInput = { confirmShort: false }): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireDraft(row);
  const lines = lineRows(db, row.id);
  requireComplete(db, row, lines);
  const missing = missingOf(row.kind, liveSignatures(db, row, contentHash(db, row, lines)));
  if (missing.length)
    fail('signature_required', { no: row.no, missing: missing.map((r) => ROLE_EN[r]), missing_zh: missing.map((r) => ROLE_ZH[r]) });
  const shipped = shippedQuantities(db, row, lines, pick);
  lines.forEach((l, i) => (l.shipped_qty = shipped[i]));

  if (row.kind === 'return') checkReturnable(db, lines.map((l) => ({ ...l, qty: shippedOf(l) })));
  if (row.kind === 'dispatch') {
    const need = new Map<number, number>();
    for (const l of lines) need.set(l.item_id, (need.get(l.item_id) ?? 0) + shippedOf(l));
    const short: { itemCode: string; itemName: string; needed: number; onHand: number }[] = [];
    for (const [itemId, needed] of need) {
      const onHand = balanceOf(db, itemId).qty;
      if (onHand < needed) {
        const it = itemLabel(db, itemId);
        short.push({ itemCode: it.code, itemName: it.name, needed, onHand });
      }
    }
    if (short.length) fail('insufficient_stock', { lines: short });
  }

  const setShipped = sql(db, 'UPDATE slip_lines SET shipped_qty = ? WHERE id = ?');
  for (const l of lines) setShipped.run(l.shipped_qty, l.id);
  const seq = (sql(db, 'SELECT COALESCE(MAX(post_seq), 0) + 1 FROM slips').pluck().get() as number);
  sql(
    db,
    "UPDATE slips SET state = 'posted', posted_by = ?, posted_at = ?, post_seq = ?, business_date = ?, updated_at = ?, version = version + 1 WHERE id = ?",
  ).run(w.actor.id, w.nowIso, seq, w.businessDate, w.nowIso, row.id);
  const pc: PostingCtx = { slipId: row.id, businessDate: w.businessDate, postedAt: w.nowIso };
  for (const l of lines) {
    if (shippedOf(l) === 0) continue;
    if (row.kind === 'inbound') receive(db, pc, { itemId: l.item_id, lineId: l.id, qty: l.qty, amountFen: l.amount_fen });
    else if (row.kind === 'dispatch') issue(db, pc, { itemId: l.item_id, lineId: l.id, qty: shippedOf(l) });
    else receiveReturn(db, pc, l);
  }
  return slipRow(db, row.id);
}

/** A customer return comes back at the cost it went out at: the latest takes of the dispatch line first. */
function receiveReturn(db: DB, pc: PostingCtx, l: LineRow): void {
  const outs = sql(db, "SELECT * FROM stock_moves WHERE slip_line_id = ? AND direction = 'out' AND qty > 0 ORDER BY id DESC").all(
    l.source_line_id,
  ) as MoveRow[];
  let left = shippedOf(l);
  for (const out of outs) {
    if (left === 0) break;
    const back = returnedOf(db, out.id);
    const remainingQty = out.qty - back.qty;
    if (remainingQty <= 0) continue;
    const q = Math.min(left, remainingQty);
    const amount = takeCost(remainingQty, out.amount_fen - back.amountFen, q);
    receive(db, pc, { itemId: l.item_id, lineId: l.id, qty: q, amountFen: amount, sourceMoveId: out.id });
    left -= q;
  }
  if (left > 0) throw new Error(`return line ${l.id}: ${left} units have no dispatch cost to come back at`);
}

// ------------------------------------------------------------------ reversal (红字冲销)

export function reverseSlip(w: WriteCtx, slipId: number, reason: string): { original: SlipRow; reversal: SlipRow } {
  const { db } = w;
  const row = slipRow(db, slipId);
  if (row.kind === 'reversal') fail('wrong_slip_kind', { no: row.no, expected: 'inbound, dispatch or return', expected_zh: '进仓单、发货单或退货单' });
  if (row.state !== 'posted') fail('slip_not_posted', { no: row.no, state: row.state });
  const existing = reversalOf(db, row.id);
  if (existing) fail('slip_already_reversed', { no: row.no, reversalNo: existing.no });

  const moves = sql(db, 'SELECT * FROM stock_moves WHERE slip_id = ? ORDER BY id').all(row.id) as MoveRow[];
  if (row.kind === 'dispatch') {
    const returns = sql(
      db,
      `SELECT rs.no FROM slips rs WHERE rs.kind = 'return' AND rs.source_slip_id = ? AND rs.state = 'posted'
         AND NOT EXISTS (SELECT 1 FROM slips x WHERE x.kind = 'reversal' AND x.source_slip_id = rs.id) ORDER BY rs.id`,
    )
      .pluck()
      .all(row.id) as string[];
    if (returns.length) fail('slip_has_returns', { no: row.no, returnNos: returns });
  } else {
    const touched = moves.filter((m) => !isLayerUntouched(db, m.layer_id));
    if (touched.length) {
      const codes = [...new Set(touched.map((m) => itemLabel(db, m.item_id).code))];
      fail('layers_consumed', { no: row.no, lines: codes.map((itemCode) => ({ itemCode })) });
    }
  }

  const no = nextSlipNo(db, 'reversal', w.businessDate);
  const seq = (sql(db, 'SELECT COALESCE(MAX(post_seq), 0) + 1 FROM slips').pluck().get() as number);
  const info = sql(
    db,
    `INSERT INTO slips (no, kind, state, business_date, supplier_id, customer_id, delivery_note_no, payment_mode, source_slip_id, memo, reason,
       created_by, created_at, updated_at)
     VALUES (?, 'reversal', 'draft', ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
  ).run(no, w.businessDate, row.supplier_id, row.customer_id, row.delivery_note_no, row.payment_mode, row.id, reason, w.actor.id, w.nowIso, w.nowIso);
  const revId = Number(info.lastInsertRowid);
  const origLines = lineRows(db, row.id);
  // The reversal's lines are what actually moved on the original.
  const moved = origLines.filter((l) => shippedOf(l) > 0);
  insertLines(
    db,
    revId,
    moved.map((l, i) => {
      const qty = shippedOf(l);
      const unit = l.unit_cost_fen ?? l.price_fen;
      const amount = qty === l.qty ? l.amount_fen : checkAmount(qty, unit);
      return { line_no: i + 1, item_id: l.item_id, qty, unit_cost_fen: l.unit_cost_fen, price_fen: l.price_fen, amount_fen: amount, source_line_id: l.id, memo: l.memo };
    }),
  );
  const lineMap = new Map<number, number>();
  for (const l of lineRows(db, revId)) {
    lineMap.set(l.source_line_id!, l.id);
    sql(db, 'UPDATE slip_lines SET shipped_qty = qty WHERE id = ?').run(l.id);
  }
  sql(db, "UPDATE slips SET state = 'posted', posted_by = ?, posted_at = ?, post_seq = ? WHERE id = ?").run(w.actor.id, w.nowIso, seq, revId);
  const pc: PostingCtx = { slipId: revId, businessDate: w.businessDate, postedAt: w.nowIso };
  // Undo in reverse order, so an issue's restored layers end exactly as they were.
  for (const m of [...moves].reverse()) reverseMove(db, pc, m, lineMap.get(m.slip_line_id)!);
  return { original: slipRow(db, row.id), reversal: slipRow(db, revId) };
}
