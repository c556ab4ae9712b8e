// Printed documents as the core serves them: gather a slip's or stock card's data from the
// books, build the pdfmake definition, render the PDF; log prints; check scanned QR codes.

import type { DB } from '../../store/db';
import { sql } from '../../store/db';
import { DeskError, fail } from '../../../shared/errors';
import {
  FINANCE_DOC_ROLES,
  SLIP_KIND_ZH,
  type DocKind,
  type PaperSize,
  type PrintRecord,
  type QrCheck,
  type RenderedDocument,
  type Slip,
  type SlipKind,
} from '../../../shared/contract';
import { requireOffice, signWithOfficeKey } from '../../ledger/officeKey';
import { slipRow, slipRowByNo, slipView } from '../slips/repo';
import { stockCard } from '../stock/repo';
import { getItem } from '../items/handlers';
import { renderPdf } from '../../printing/pdf';
import { printRecord, recordPrint } from './printLog';
import { printSettings } from './settings';
import { buildSlipDoc, type Party } from '../../printing/slip-doc';
import { buildStockCardDoc } from '../../printing/stock-card-doc';
import { buildCashCountDoc, type CashCountData } from '../../printing/cash-count-doc';
import { buildStatementDoc } from '../../printing/statement-doc';
import { closeRecord, preview as dayPreview } from '../dayClose/service';
import { statement as customerStatement } from '../receivables/service';
import { NONCASH_ACCOUNTS, type MoneyAccount } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { money } from '../../printing/format';
import { formatQrPayload, qrMessage, toBase64Url, verifyQrPayload } from './qr';

export interface DocTarget {
  doc: DocKind;
  slipId?: number;
  itemId?: number;
  from?: string;
  to?: string;
  paper?: PaperSize;
  copies?: string[];
  /** cashCount: the business day */
  date?: string;
  /** statement: the customer */
  customerId?: number;
}

type FinanceDoc = keyof typeof FINANCE_DOC_ROLES;
const isFinanceDoc = (doc: DocKind): doc is FinanceDoc => doc in FINANCE_DOC_ROLES;

/** user name → signature PNG as a data URL, for the signature boxes of the printed papers */
function signatureImages(db: DB): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of sql(db, 'SELECT name, signature_png FROM users WHERE signature_png IS NOT NULL').all() as { name: string; signature_png: Buffer }[])
    out[r.name] = `data:image/png;base64,${Buffer.from(r.signature_png).toString('base64')}`;
  return out;
}

function partyOf(db: DB, slip: Slip): Party | null {
  const table = slip.customerId != null ? 'customers' : slip.supplierId != null ? 'suppliers' : null;
  if (!table) return null;
  return sql(db, `SELECT name, contact, phone, address FROM ${table} WHERE id = ?`).get(slip.customerId ?? slip.supplierId) as Party;
}

/** The QR payload of a slip: its number and content hash, signed with the office key. */
export function slipQrPayload(db: DB, no: string, hash: string): string {
  const signature = toBase64Url(signWithOfficeKey(db, qrMessage(no, hash)));
  return formatQrPayload({ no, hash, signature });
}

function targetSlip(db: DB, t: DocTarget): Slip {
  if (t.slipId == null)
    fail('document_target', { doc: t.doc, needs: 'slipId', needs_zh: `打印${SLIP_KIND_ZH[t.doc as SlipKind]}须指定单据` });
  const slip = slipView(db, slipRow(db, t.slipId));
  if (slip.kind !== t.doc) fail('wrong_slip_kind', { no: slip.no, expected: t.doc, expected_zh: SLIP_KIND_ZH[t.doc as SlipKind] });
  return slip;
}

function targetItem(t: DocTarget): number {
  if (t.itemId == null) fail('document_target', { doc: t.doc, needs: 'itemId', needs_zh: '打印库存明细账须指定商品' });
  if (t.from && t.to && t.from > t.to)
    throw new DeskError('invalid_input', { summary_zh: '起始日期晚于截止日期', summary_en: 'from is after to' });
  return t.itemId;
}

/** Copies to print: the office's copies for this kind, or the ones asked for (each must be one of them). */
function copiesFor(db: DB, kind: SlipKind, asked?: string[]): string[] {
  const known = printSettings(db).copies[kind];
  if (!asked) return known;
  const unknown = asked.filter((c) => !known.includes(c.trim()));
  if (unknown.length) fail('unknown_copy', { copies: unknown, known });
  return known.filter((c) => asked.some((a) => a.trim() === c)); // in the office's order, once each
}

/** What a print of a target will be: resolved paper and copies, and the slip's current hash. */
export function resolveTarget(db: DB, t: DocTarget): { slip: Slip | null; itemId: number | null; paper: PaperSize; copies: string[] } {
  if (t.doc === 'stockCard') {
    const itemId = targetItem(t);
    getItem(db, itemId);
    return { slip: null, itemId, paper: 'A4', copies: [] };
  }
  const slip = targetSlip(db, t);
  return { slip, itemId: null, paper: t.paper ?? printSettings(db).paper, copies: copiesFor(db, slip.kind, t.copies) };
}

/** documents.recordPrint: log the print (in the caller's write transaction). */
export function logPrint(db: DB, t: DocTarget, at: string, by: number, today: string): PrintRecord {
  if (isFinanceDoc(t.doc))
    throw new DeskError('invalid_input', {
      summary_zh: '现金盘点表、客户对账单直接预览打印, 不登记打印记录',
      summary_en: 'cash count sheets and statements are printed from the preview; they are not logged',
    });
  const r = resolveTarget(db, t);
  if (r.slip?.state === 'void') fail('document_void', { no: r.slip.no });
  return recordPrint(db, {
    doc: t.doc,
    slipId: r.slip?.id ?? null,
    itemId: r.itemId,
    from: t.doc === 'stockCard' ? (t.from ?? null) : null,
    // an open-ended card is logged up to today, so the logged print renders the same later
    to: t.doc === 'stockCard' ? (t.to ?? today) : null,
    paper: r.paper,
    copies: r.copies,
    contentHash: r.slip?.contentHash ?? null,
    at,
    by,
  });
}

function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** documents.render: a preview, or the paper of a logged print. */
export async function renderDocument(db: DB, input: DocTarget & { printId?: number }, today: string, roles?: readonly Role[]): Promise<RenderedDocument> {
  const office = requireOffice(db);
  const officeInfo = { name: office.name, shortName: office.short_name, timezone: office.timezone };
  if (isFinanceDoc(input.doc)) return renderFinanceDocument(db, input, today, officeInfo, roles);
  // slips and stock cards: the printers' roles (sales may render only the statement)
  if (roles && !roles.some((r) => r !== 'sales'))
    throw new DeskError('forbidden', { method: `documents.render ${input.doc}`, roles: ['经理', '财务主管', '仓管员', '统计员'] });
  let t: DocTarget = input;
  let print: PrintRecord | null = null;
  if (input.printId != null) {
    print = printRecord(db, input.printId);
    if (!print) throw new DeskError('not_found', { what: 'print job', what_zh: '打印记录', key: input.printId });
    if (print.doc !== input.doc || (input.slipId != null && input.slipId !== print.slipId) || (input.itemId != null && input.itemId !== print.itemId))
      throw new DeskError('invalid_input', { summary_zh: '打印记录与所选单据不符', summary_en: 'the print job is for another document' });
    t = {
      doc: print.doc,
      slipId: print.slipId ?? undefined,
      itemId: print.itemId ?? undefined,
      from: print.from ?? undefined,
      to: print.to ?? undefined,
      paper: print.paper,
      copies: print.copies,
    };
  }
  const printInfo = print ? { printNo: print.printNo, printedAt: print.printedAt, printedBy: print.printedBy.name } : null;

  let built: { doc: Record<string, unknown>; pages: number };
  let fileName: string;
  let paper: PaperSize;
  let copies: string[];
  if (t.doc === 'stockCard') {
    const itemId = targetItem(t);
    const item = getItem(db, itemId);
    const to = t.to ?? today;
    const card = fullStockCard(db, itemId, t.from, to);
    built = buildStockCardDoc({ office: officeInfo, item, from: t.from ?? null, to, ...card, print: printInfo });
    fileName = `库存明细账_${fileSafe(item.code)}_${t.from ?? '开始'}_${to}.pdf`;
    paper = 'A4';
    copies = [];
  } else {
    const r = resolveTarget(db, t);
    const slip = r.slip!;
    if (print && print.contentHash !== slip.contentHash) fail('document_changed', { no: slip.no });
    const source = slip.kind === 'reversal' && slip.sourceSlipId != null ? slipRow(db, slip.sourceSlipId) : null;
    built = buildSlipDoc({
      signatureImages: signatureImages(db),
      office: officeInfo,
      slip,
      party: partyOf(db, slip),
      source: source ? { no: source.no, kind: source.kind, businessDate: source.business_date } : null,
      paper: r.paper,
      copies: r.copies,
      qrPayload: slipQrPayload(db, slip.no, slip.contentHash),
      print: printInfo,
    });
    fileName = `${SLIP_KIND_ZH[slip.kind]}_${slip.no}${print && print.printNo > 1 ? `_补打${print.printNo}` : ''}.pdf`;
    paper = r.paper;
    copies = r.copies;
  }
  const pdf = await renderPdf(built.doc);
  // Every row is one line of fitted text, so a form never spills over; if it ever did, the paper
  // is still better printed than refused: say so in the log.
  if (pdf.pages !== built.pages) console.warn(`[documents] ${fileName}: planned ${built.pages} pages, got ${pdf.pages}`);
  return {
    fileName,
    mime: 'application/pdf',
    base64: pdf.bytes.toString('base64'),
    pages: pdf.pages,
    bytes: pdf.bytes.length,
    paper,
    copies,
    printId: print?.id ?? null,
    printNo: print?.printNo ?? null,
  };
}

// ------------------------------------------------------------------ finance papers

const CHECK_NOTES: Record<string, (f: Record<string, number>) => string> = {
  sales_vs_money: (f) => `销售 ${money(f.salesDetailFen)} = 收款 ${money(f.cashChannelReceiptsFen)} + 应收 ${money(f.newReceivablesFen)}`,
  dispatch_signed_paid: (f) => `发货单 ${f.dispatches} 张, 缺 ${f.missing} 张`,
  returns_refunds: (f) => `退货 ${money(f.returnsFen)} = 退款 ${money(f.refundedFen)} + 冲减 ${money(f.creditNotesFen)}`,
  stock_value: (f) => `${money(f.openingFen)} + ${money(f.inFen)} - ${money(f.outFen)} = ${money(f.closingFen)}`,
  cash_not_negative: (f) => `最低 ${money(f.lowestFen)}`,
};

/** The day's money on an account without the close's own 长款/短款 entry. */
function dayMoneyBeforeClose(db: DB, account: MoneyAccount, date: string) {
  const r = sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS receipts,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS payments
     FROM money_journal WHERE account = ? AND business_date = ? AND contra_kind IS NOT 'day_close'`,
  ).get(account, date) as { receipts: number; payments: number };
  return { receiptsFen: r.receipts, paymentsFen: r.payments };
}

/** What the 现金盘点表 of a day shows: the close when the day is closed, else the preview. */
export function cashCountData(db: DB, date: string, today: string, office: CashCountData['office']): CashCountData {
  const p = dayPreview(db, date, today);
  const rec = closeRecord(db, date);
  const cashDay = dayMoneyBeforeClose(db, 'cash', date);
  const cash = { openingFen: p.cash.openingFen, ...cashDay, expectedFen: p.cash.openingFen + cashDay.receiptsFen - cashDay.paymentsFen };
  const channels = NONCASH_ACCOUNTS.map((a) => {
    const m = p.channels.find((c) => c.account === a)!;
    const closed = rec?.channels.find((c) => c.account === a);
    return {
      account: a,
      openingFen: m.openingFen,
      receiptsFen: m.receiptsFen,
      paymentsFen: m.paymentsFen,
      expectedFen: closed?.expectedFen ?? m.expectedFen,
      confirmedFen: closed ? closed.confirmedFen : null,
    };
  });
  return {
    office,
    date,
    close: rec
      ? {
          closedAt: rec.closedAt,
          closedBy: rec.closedBy.name,
          finance: rec.finance.name,
          statistician: rec.statistician.name,
          manager: rec.manager?.name ?? null,
          counts: rec.counts,
          countedFen: rec.countedCashFen,
          differenceFen: rec.differenceFen,
          reason: rec.reason,
          adjustmentVoucherNo: rec.adjustmentVoucherNo,
        }
      : null,
    cash: rec ? { ...cash, expectedFen: rec.expectedCashFen } : cash,
    channels,
    // a closed day shows the checks as they stood at the close
    checks: p.checks.map((c) => ({
      title: c.title_zh,
      pass: rec ? !rec.failedChecks.includes(c.code) : c.pass,
      note: CHECK_NOTES[c.code]?.(c.figures as Record<string, number>) ?? '',
    })),
    blockers: rec || p.closed ? [] : p.blockers.map((b) => b.message_zh),
    lockedWithoutClose: !rec && p.closed,
  };
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

async function renderFinanceDocument(
  db: DB,
  input: DocTarget & { printId?: number },
  today: string,
  office: CashCountData['office'],
  roles: readonly Role[] | undefined,
): Promise<RenderedDocument> {
  const doc = input.doc as FinanceDoc;
  const allowed: readonly Role[] = FINANCE_DOC_ROLES[doc];
  if (roles && !roles.some((r) => allowed.includes(r)))
    throw new DeskError('forbidden', { method: `documents.render ${doc}`, roles: doc === 'cashCount' ? ['财务主管', '经理', '统计员'] : ['财务主管', '经理', '统计员', '销售员'] });
  if (input.printId != null)
    throw new DeskError('invalid_input', { summary_zh: '现金盘点表、客户对账单没有打印记录', summary_en: 'cash count sheets and statements have no print log' });
  let built: { doc: Record<string, unknown>; pages: number };
  let fileName: string;
  if (doc === 'cashCount') {
    const date = input.date ?? today;
    if (date > today) throw new DeskError('invalid_input', { summary_zh: '不能盘点未来的日期', summary_en: 'the date is in the future' });
    const data = cashCountData(db, date, today, office);
    built = buildCashCountDoc({ ...data, signatureImages: signatureImages(db) });
    fileName = `现金盘点表_${date}${data.close || data.lockedWithoutClose ? '' : '_未日结'}.pdf`;
  } else {
    if (input.customerId == null) fail('document_target', { doc, needs: 'customerId', needs_zh: '打印客户对账单须指定客户' });
    const to = input.to ?? today;
    const from = input.from ?? firstOfMonth(to);
    if (from > to) throw new DeskError('invalid_input', { summary_zh: '起始日期晚于截止日期', summary_en: 'from is after to' });
    const st = customerStatement(db, { customerId: input.customerId, from, to }, today);
    const c = sql(db, 'SELECT code, name, contact, phone, address FROM customers WHERE id = ?').get(st.customer.id) as {
      code: string;
      name: string;
      contact: string | null;
      phone: string | null;
      address: string | null;
    };
    built = buildStatementDoc({
      office,
      customer: { code: c.code, name: c.name, contact: c.contact ?? '', phone: c.phone ?? '', address: c.address ?? '' },
      from,
      to,
      openingFen: st.openingFen,
      rows: st.rows.map((r) => ({ date: r.date, kind: r.kind, docNo: r.docNo, summary: r.summary, debitFen: r.debitFen, creditFen: r.creditFen, balanceFen: r.balanceFen })),
      salesFen: st.salesFen,
      collectionsFen: st.collectionsFen,
      creditNotesFen: st.creditNotesFen,
      closingFen: st.closingFen,
      openSlips: st.openSlips.map((s) => ({ slipNo: s.slipNo, date: s.date, amountFen: s.amountFen, settledFen: s.settledFen, openFen: s.openFen, ageDays: s.ageDays })),
      prepaymentFen: st.prepaymentFen,
    });
    fileName = `客户对账单_${fileSafe(c.code)}_${fileSafe(c.name)}_${from}_${to}.pdf`;
  }
  const pdf = await renderPdf(built.doc);
  if (pdf.pages !== built.pages) console.warn(`[documents] ${fileName}: planned ${built.pages} pages, got ${pdf.pages}`);
  return {
    fileName,
    mime: 'application/pdf',
    base64: pdf.bytes.toString('base64'),
    pages: pdf.pages,
    bytes: pdf.bytes.length,
    paper: 'A4',
    copies: [],
    printId: null,
    printNo: null,
  };
}

/** All rows of an item's stock card for a period (stock.card pages through them). */
export function fullStockCard(db: DB, itemId: number, from: string | undefined, to: string) {
  let cursor: number | undefined;
  const rows = [];
  let first: ReturnType<typeof stockCard> | null = null;
  for (;;) {
    const page = stockCard(db, { itemId, from, to, cursor, limit: 1000 });
    first ??= page;
    rows.push(...page.rows);
    if (page.nextCursor == null) break;
    cursor = page.nextCursor;
  }
  return { opening: first!.opening, closing: first!.closing, rows };
}

// ------------------------------------------------------------------ QR check

const KIND_EN: Record<SlipKind, string> = { inbound: 'inbound slip', dispatch: 'dispatch slip', return: 'return slip', reversal: 'reversal slip' };

function summaryOf(slip: Slip): NonNullable<QrCheck['slip']> {
  return {
    id: slip.id,
    no: slip.no,
    kind: slip.kind,
    state: slip.state,
    businessDate: slip.businessDate,
    customerName: slip.customerName,
    supplierName: slip.supplierName,
    deliveryNoteNo: slip.deliveryNoteNo,
    paymentMode: slip.paymentMode,
    sourceSlipNo: slip.sourceSlipNo,
    totalQty: slip.totalQty,
    totalAmountFen: slip.totalAmountFen,
    createdAt: slip.createdAt,
    postedAt: slip.postedAt,
    reversedBy: slip.reversedBy,
    missingSignatures: slip.missingSignatures,
    lineCount: slip.lines.length,
    contentHash: slip.contentHash,
  };
}

/** documents.verifyQr: is the QR this office's, and does the paper still match the books? */
export function verifyQr(db: DB, payload: string): QrCheck {
  const office = requireOffice(db);
  const verdict = verifyQrPayload(payload, office.public_key_pem);
  const foreign = (zh: string, en: string, no: string | null = null, hash: string | null = null): QrCheck => ({
    status: 'foreign',
    message_zh: zh,
    message_en: en,
    no,
    printedHash: hash,
    slip: null,
  });
  if (!verdict.valid) {
    if (verdict.reason === 'malformed') return foreign('不是本系统的单据二维码', 'Not a Branch Desk slip QR code');
    return foreign(
      `二维码签名无效: 不是本办事处(${office.name})签发的单据, 或已被篡改`,
      `The QR signature does not verify: not issued by this office (${office.name}), or tampered with`,
      verdict.no,
      verdict.hash,
    );
  }
  const row = sql(db, 'SELECT id FROM slips WHERE no = ?').pluck().get(verdict.no) as number | undefined;
  if (row === undefined)
    return foreign(`签名有效, 但本办事处账上没有单据 ${verdict.no}`, `The signature verifies, but the books have no slip ${verdict.no}`, verdict.no, verdict.hash);
  const slip = slipView(db, slipRowByNo(db, verdict.no));
  const kindZh = SLIP_KIND_ZH[slip.kind];
  const base = { no: verdict.no, printedHash: verdict.hash, slip: summaryOf(slip) };
  if (slip.contentHash !== verdict.hash)
    return {
      status: 'altered',
      message_zh: `${kindZh} ${slip.no} 打印后内容已变更: 纸面与账簿不符, 以账簿为准`,
      message_en: `${KIND_EN[slip.kind]} ${slip.no} has changed since this paper was printed: the paper does not match the books`,
      ...base,
    };
  if (slip.state === 'void')
    return {
      status: 'void',
      message_zh: `${kindZh} ${slip.no} 已作废, 此单据无效`,
      message_en: `${KIND_EN[slip.kind]} ${slip.no} was voided; this paper is not valid`,
      ...base,
    };
  if (slip.reversedBy)
    return {
      status: 'reversed',
      message_zh: `${kindZh} ${slip.no} 是本办事处的真实单据, 但已被红字冲销(${slip.reversedBy.no})`,
      message_en: `${KIND_EN[slip.kind]} ${slip.no} is genuine but has been reversed by ${slip.reversedBy.no}`,
      ...base,
    };
  const state =
    slip.state === 'posted'
      ? '已过账'
      : `草稿, 尚未过账${slip.missingSignatures.length ? `; 缺签字: ${slip.missingSignatures.map((r) => ROLE_ZH_SHORT[r] ?? r).join('、')}` : ''}`;
  const stateEn =
    slip.state === 'posted'
      ? 'posted'
      : `a draft, not yet posted${slip.missingSignatures.length ? `; still needs: ${slip.missingSignatures.join(', ')}` : ''}`;
  return {
    status: 'genuine',
    message_zh: `${kindZh} ${slip.no} 是本办事处的真实单据, 与账簿一致(${state})`,
    message_en: `${KIND_EN[slip.kind]} ${slip.no} is genuine and matches the books (${stateEn})`,
    ...base,
  };
}

const ROLE_ZH_SHORT: Record<string, string> = { manager: '经理签发', finance: '财务' };
