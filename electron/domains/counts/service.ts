// The writes of counts.*. A count is numbered from the slips' series (PD) when the keeper starts
// it. Each line takes its book quantity at its first entry; scans add, a typed quantity sets.
// Approval posts all-or-nothing inside the core's one transaction: the differences become one
// slip of kind 'count' under the count's number, signed by the manager with the office key and
// posted like any slip (posted hash, stock moves: a loss takes the oldest layers, a gain enters a
// new layer at its unit cost). Its 红字 is the slips' reversal of that slip.

import type { CountKind, CountLine, CountSelection, PinSignoff } from '../../../shared/contract';
import { COUNT_CAUSE_ZH, COUNT_KIND_ZH, MAX_QTY, SLIP_PREFIX } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { balanceOf, issue, receive } from '../../ledger/fifo';
import { nextNumber } from '../../ledger/numbering';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { postedRef } from '../../store/postedSlip';
import { managerSignoff, type SessionUser, type WriteCtx } from '../context';
import { scannedOwner } from '../items/repo';
import * as slips from '../slips/repo';
import { reverseSlip } from '../slips/service';
import * as repo from './repo';
import { requireOpen, requirePosted, requireRecountable, requireUnposted, seesBook } from './rules';
import { monthEndItems, scopeOf, weeklyItems } from './selection';
import { planCount, type PlannedLine } from './variance';

export function createCount(ctx: WriteCtx, me: SessionUser, i: { kind: CountKind; selection?: CountSelection; scope?: string }): number {
  const { db } = ctx;
  const items = i.kind === 'monthEnd' || !i.selection ? monthEndItems(db, ctx.businessDate) : weeklyItems(db, i.selection, ctx.businessDate);
  if (items.length === 0) fail('count_empty');
  const settings = repo.countSettings(db);
  const id = repo.insertCount(db, {
    no: nextNumber(db, 'slips', SLIP_PREFIX.count, ctx.businessDate), // its slip, once posted, carries the same number
    kind: i.kind,
    scope: i.scope || scopeOf(i.kind === 'monthEnd' ? undefined : i.selection),
    blind: settings.countMode === 'blind' ? 1 : 0,
    recount: settings.countRecount ? 1 : 0,
    business_date: ctx.businessDate,
    created_by: me.id,
    created_at: ctx.nowIso,
  });
  repo.insertLines(db, id, items);
  return id;
}

/** The line as the caller may see it. */
export function lineFor(ctx: { db: WriteCtx['db'] }, c: repo.CountRow, lineId: number, me: SessionUser): CountLine {
  return repo.lineOut(repo.lineRow(ctx.db, c.id, lineId), repo.entriesOfLine(ctx.db, lineId), seesBook(c, me.roles));
}

/** Which item an entry names, and how many a scan adds: a case barcode its pack quantity. */
type Entry = { code: string; count?: number } | { itemId: number; qty: number };

function entryTarget(ctx: WriteCtx, i: Entry): { itemId: number; scanQty: number | null; typed: number | null } {
  if ('itemId' in i) return { itemId: i.itemId, scanQty: null, typed: i.qty };
  // a GTIN-14 from a GS1 symbol finds the item under its other GS1 length, as items.findByBarcode does
  const owner = scannedOwner(ctx.db, i.code);
  if (!owner) fail('count_code_unknown', { code: i.code });
  const scanQty = owner.packQty * (i.count ?? 1);
  if (scanQty > MAX_QTY) fail('invalid_input', { summary_zh: `扫描数量 ${scanQty} 过大`, summary_en: `scanned quantity ${scanQty} too large` });
  return { itemId: owner.itemId, scanQty, typed: null };
}

export function enterCount(ctx: WriteCtx, me: SessionUser, i: { countId: number } & Entry): CountLine {
  const { db } = ctx;
  const c = repo.countRow(db, i.countId);
  requireOpen(c);
  const t = entryTarget(ctx, i);
  let line = repo.lineOfItem(db, c.id, t.itemId);
  if (!line) {
    repo.insertLines(db, c.id, [t.itemId], true); // a found item (not on the list)
    line = repo.lineOfItem(db, c.id, t.itemId);
    if (!line) fail('not_found', { what: 'item', what_zh: '商品', key: t.itemId });
  }
  // the first count takes the book: moves after it change shelf and book alike
  const before = line.counted_qty ?? 0;
  if (line.counted_qty === null) repo.takeBook(db, line.id, balanceOf(db, t.itemId).qty);
  const qty = t.typed ?? before + t.scanQty!;
  repo.setCounted(db, line.id, qty);
  repo.insertEntry(db, { lineId: line.id, userId: me.id, how: t.typed === null ? 'scan' : 'typed', qty: t.typed ?? t.scanQty!, at: ctx.nowIso });
  return lineFor(ctx, c, line.id, me);
}

export function recountLine(ctx: WriteCtx, me: SessionUser, i: { countId: number; lineId: number; qty: number }): CountLine {
  const c = repo.countRow(ctx.db, i.countId);
  requireUnposted(c);
  const line = repo.lineRow(ctx.db, c.id, i.lineId);
  requireRecountable(line, repo.countersOf(ctx.db, line.id), me.id);
  repo.setRecount(ctx.db, line.id, { qty: i.qty, by: me.id, at: ctx.nowIso });
  return lineFor(ctx, c, line.id, me);
}

/** A cause or a cost on a line of a count not yet posted. */
export function editLine(ctx: WriteCtx, me: SessionUser, i: { countId: number; lineId: number }, edit: (lineId: number) => void): CountLine {
  const c = repo.countRow(ctx.db, i.countId);
  requireUnposted(c);
  const line = repo.lineRow(ctx.db, c.id, i.lineId);
  edit(line.id);
  return lineFor(ctx, c, line.id, me);
}

export function finishCount(ctx: WriteCtx, countId: number): repo.CountRow {
  const c = repo.countRow(ctx.db, countId);
  requireOpen(c);
  repo.setCountState(ctx.db, c.id, 'counted');
  return repo.countRow(ctx.db, c.id);
}

function causeMemo(l: PlannedLine): string {
  return l.cause ? `${COUNT_CAUSE_ZH[l.cause]}${l.causeText ? `: ${l.causeText}` : ''}` : '';
}

/** The count's adjustments as a draft slip of kind 'count' under the count's number. */
function insertCountSlip(ctx: WriteCtx, c: repo.CountRow, lines: PlannedLine[], userId: number): number {
  const id = slips.insertSlip(ctx.db, {
    ...{ no: c.no, kind: 'count', business_date: ctx.businessDate, supplier_id: null, customer_id: null },
    ...{ delivery_note_no: null, payment_mode: null, source_slip_id: null, reason: null, created_by: userId, created_at: ctx.nowIso },
    memo: `${COUNT_KIND_ZH[c.kind]} ${c.scope}`,
  });
  slips.insertLines(
    ctx.db,
    id,
    lines.map((l, n) => ({
      ...{ line_no: n + 1, item_id: l.itemId, qty: Math.abs(l.diffQty), unit_cost_fen: l.unitCostFen, price_fen: null },
      ...{ amount_fen: Math.abs(l.diffFen!), source_line_id: null, memo: causeMemo(l), amount_entered: 0 },
    })),
  );
  return id;
}

/** counts.approve: the manager's PIN, every problem refused at once, then one posting. Returns the audit ref. */
export function approveCount(ctx: WriteCtx, me: SessionUser, countId: number, s: PinSignoff): string {
  const { db } = ctx;
  const c = repo.countRow(db, countId);
  requireUnposted(c);
  const manager = managerSignoff(ctx, s);
  const plan = planCount(db, c);
  if (plan.problems.length > 0) fail('count_problems', { no: c.no, problems: plan.problems.map((p) => ({ itemCode: p.itemCode, problem: p.problem })) });
  const moving = plan.lines.filter((l) => l.diffQty !== 0);
  const slipId = insertCountSlip(ctx, c, moving, me.id);
  const rows = slips.lineRows(db, slipId);
  slips.freezePaper(db, slips.slipRow(db, slipId), rows);
  const row = slips.slipRow(db, slipId);
  const hash = slips.contentHash(db, row, rows);
  const signature = signWithOfficeKey(db, slips.signaturePayload(row.no, hash, 'manager', manager.name, ctx.nowIso));
  slips.insertSignature(db, { slipId, role: 'manager', userId: manager.id, at: ctx.nowIso, hash, signature });
  for (const l of rows) slips.setShipped(db, l.id, l.qty, l.amount_fen);
  const posted = slips.markPosted(db, slipId, { by: me.id, at: ctx.nowIso, seq: slips.nextPostSeq(db), businessDate: ctx.businessDate });
  const pc = { slipId, businessDate: ctx.businessDate, postedAt: ctx.nowIso };
  moving.forEach((l, n) => {
    const line = rows[n];
    if (l.diffQty > 0) receive(db, pc, { itemId: l.itemId, lineId: line.id, qty: line.qty, amountFen: line.amount_fen });
    else if (issue(db, pc, { itemId: l.itemId, lineId: line.id, qty: line.qty }) !== line.amount_fen) throw new Error(`count ${c.no}: FIFO cost moved`);
  });
  repo.markCountPosted(db, c.id, { by: manager.id, at: ctx.nowIso, slipId });
  return `${postedRef(row.no, posted)} ${manager.name}`;
}

/** counts.reverse: 红字冲销 of the count's slip, by the manager. */
export function reverseCount(ctx: WriteCtx, me: SessionUser, countId: number, reason: string, manager: { id: number; name: string }): string {
  const c = repo.countRow(ctx.db, countId);
  requirePosted(c);
  const w = { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, actor: me };
  const { reversal } = reverseSlip(w, c.posted_slip_id!, reason, { manager, finance: null });
  repo.markCountReversed(ctx.db, c.id, reversal.id);
  return `${c.no} → ${postedRef(reversal.no, reversal.posted_hash!)}`;
}
