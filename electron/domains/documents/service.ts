// Printed documents: gather a slip's or stock card's data from the domains' read functions, hand
// it to a layout in electron/printing/ (which only lays out), render the PDF; log prints.

import { fail } from '../../../shared/errors';
import {
  SLIP_KIND_ZH,
  isListDoc,
  type DocKind,
  type ListDoc,
  type PaperSize,
  type PrintKind,
  type PrintRecord,
  type PrintSettings,
  type RenderJob,
  type RenderedDocument,
  type Slip,
} from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { renderPdf } from '../../printing/pdf';
import { buildSlipDoc, type Party } from '../../printing/slip-doc';
import { buildStockCardDoc, buildStockCardPages, type StockCardDocData } from '../../printing/stock-card-doc';
import { renderPaged } from '../../printing/paged';
import { startJob } from './jobs';
import { getItem } from '../items/repo';
import { requireOffice } from '../office/repo';
import { partyContact } from '../partners/repo';
import { frozenPaperOf, slipRow, slipView } from '../slips/repo';
import { fullStockCard } from '../stock/card';
import { signatureImagesByName } from '../users/repo';
import { formatQrPayload, qrMessage, toBase64Url } from './qr';
import { printedCount, printOfPreview, printRecord, printSettings, recordPrint } from './repo';
import { invalid } from '../errors';
import { chooseCopies, requireCountTarget, requireItemTarget, requireLoggable, requirePeriod, requireSlipTarget } from './rules';
import { countRow } from '../counts/repo';

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
  /** countSheet / countReport: the count */
  countId?: number;
}

export type OfficeInfo = { name: string; shortName: string; timezone: string; phone: string };

export function officeInfo(db: ReadableDB): OfficeInfo {
  const office = requireOffice(db);
  return { name: office.name, shortName: office.short_name, timezone: office.timezone, phone: office.phone };
}

/** user name → signature PNG as a data URL, for the signature boxes of the printed papers */
export function signatureImages(db: ReadableDB): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of signatureImagesByName(db)) out[s.name] = `data:image/png;base64,${Buffer.from(s.png).toString('base64')}`;
  return out;
}

/** The slip as its paper shows it: the party and items frozen when it was signed (0017), else today's. */
export function asSigned(db: ReadableDB, slip: Slip): { slip: Slip; party: Party | null } {
  const paper = frozenPaperOf(db, slip.id);
  if (!paper) return { slip, party: partyOf(db, slip) };
  const lines = slip.lines.map((l) => {
    const f = paper.lines[String(l.id)];
    return f ? { ...l, itemCode: f.code, itemName: f.name, spec: f.spec, unit: f.unit } : l;
  });
  const name = paper.party?.name ?? null;
  const names = slip.customerId != null ? { customerName: name ?? slip.customerName } : { supplierName: name ?? slip.supplierName };
  return { slip: { ...slip, ...names, lines }, party: paper.party };
}

function partyOf(db: ReadableDB, slip: Slip): Party | null {
  if (slip.customerId != null) return partyContact(db, 'customers', slip.customerId);
  if (slip.supplierId != null) return partyContact(db, 'suppliers', slip.supplierId);
  return null;
}

/** The QR payload of a slip: its number and content hash, signed with the office key. */
export function slipQrPayload(db: ReadableDB, no: string, hash: string): string {
  const signature = toBase64Url(signWithOfficeKey(db, qrMessage(no, hash)));
  return formatQrPayload({ no, hash, signature });
}

function targetSlip(db: ReadableDB, t: DocTarget): Slip {
  const slip = slipView(db, slipRow(db, requireSlipTarget(t.doc, t.slipId)));
  if (slip.kind !== t.doc) fail('wrong_slip_kind', { no: slip.no, expected: t.doc, expected_zh: SLIP_KIND_ZH[t.doc as Slip['kind']] });
  return slip;
}

function targetItem(t: DocTarget): number {
  const itemId = requireItemTarget(t.doc, t.itemId);
  requirePeriod(t.from, t.to);
  return itemId;
}

/** The opening slip (期初入库单) is printed once at go-live, in the inbound slip's copies; not an office
 *  setting. The write-off and the return to HQ have fixed copies too (the third goes with the goods to HQ). */
const FIXED_COPIES: Partial<Record<Slip['kind'], string[]>> = {
  opening: ['第一联 存根', '第二联 财务', '第三联 仓库'],
  writeoff: ['第一联 存根', '第二联 财务', '第三联 仓库'],
  hqReturn: ['第一联 存根', '第二联 财务', '第三联 总部'],
};

type Resolved = { slip: Slip | null; itemId: number | null; countId: number | null; paper: PaperSize; copies: string[] };

/** A pick list's dispatch, or a count's paper's count: A4, no copies. */
function resolveListDoc(db: ReadableDB, t: DocTarget & { doc: ListDoc }): Resolved {
  if (t.doc !== 'pickList') return { slip: null, itemId: null, countId: countRow(db, requireCountTarget(t.doc, t.countId)).id, paper: 'A4', copies: [] };
  const slip = slipView(db, slipRow(db, requireSlipTarget(t.doc, t.slipId)));
  if (slip.kind !== 'dispatch') fail('wrong_slip_kind', { no: slip.no, expected: 'dispatch', expected_zh: SLIP_KIND_ZH.dispatch });
  return { slip, itemId: null, countId: null, paper: 'A4', copies: [] };
}

/** What a print of a target will be: resolved paper and copies, and the slip's current hash. */
export function resolveTarget(db: ReadableDB, t: DocTarget): Resolved {
  if (isListDoc(t.doc)) return resolveListDoc(db, { ...t, doc: t.doc });
  if (t.doc === 'stockCard') {
    const itemId = targetItem(t);
    getItem(db, itemId);
    return { slip: null, itemId, countId: null, paper: 'A4', copies: [] };
  }
  const slip = targetSlip(db, t);
  const settings = printSettings(db);
  const known = FIXED_COPIES[slip.kind] ?? settings.copies[slip.kind as keyof PrintSettings['copies']];
  return { slip, itemId: null, countId: null, paper: t.paper ?? settings.paper, copies: chooseCopies(known, t.copies) };
}

/** documents.recordPrint / recordPreview: log the print or its preview (in the caller's write transaction). */
export function logPrint(db: WritableDB, t: DocTarget, at: string, by: number, today: string, kind: PrintKind = 'printed'): PrintRecord {
  requireLoggable(t.doc);
  const r = resolveTarget(db, t);
  if (r.slip?.state === 'void') fail('document_void', { no: r.slip.no });
  return recordPrint(db, {
    doc: t.doc,
    slipId: r.slip?.id ?? null,
    itemId: r.itemId,
    countId: r.countId,
    from: t.doc === 'stockCard' ? (t.from ?? null) : null,
    // an open-ended card is logged up to today, so the logged print renders the same later
    to: t.doc === 'stockCard' ? (t.to ?? today) : null,
    paper: r.paper,
    copies: r.copies,
    contentHash: r.slip?.contentHash ?? null,
    at,
    by,
    kind,
  });
}

/** documents.confirmPrint: the preview's paper came out; logged as the print it said it would be. */
export function confirmPrint(db: WritableDB, printId: number, at: string, by: number): PrintRecord {
  const preview = printRecord(db, printId) ?? fail('not_found', { what: 'print job', what_zh: '打印记录', key: printId });
  requirePrintable(db, preview);
  return recordPrint(db, { ...preview, kind: 'printed', previewId: preview.id, at, by });
}

/** A preview may be confirmed once, while its slip is unchanged and no other print came in between (its 补打 number still holds). */
function requirePrintable(db: ReadableDB, preview: PrintRecord): void {
  if (preview.kind !== 'preview') invalid('这条打印记录不是预览', 'this print record is not a preview');
  if (printOfPreview(db, preview.id) != null) invalid('这次预览已记为打印', 'this preview has already been logged as printed');
  if (preview.slipId != null) {
    const slip = slipView(db, slipRow(db, preview.slipId));
    if (slip.contentHash !== preview.contentHash) fail('document_changed', { no: slip.no });
  }
  if (printedCount(db, preview) + 1 !== preview.printNo)
    invalid(
      '预览之后已有人打印了这份单据, 请重新打印(补打编号已变)',
      'someone printed this document after the preview: print it again (its reprint number has changed)',
    );
}

export function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** The target a logged print renders: exactly what was logged. */
export function printTarget(db: ReadableDB, input: DocTarget & { printId: number }): { t: DocTarget; print: PrintRecord } {
  const print = printRecord(db, input.printId) ?? fail('not_found', { what: 'print job', what_zh: '打印记录', key: input.printId });
  const other = (given: number | undefined, logged: number | null) => given != null && given !== logged;
  if (print.doc !== input.doc || other(input.slipId, print.slipId) || other(input.itemId, print.itemId) || other(input.countId, print.countId))
    fail('invalid_input', { summary_zh: '打印记录与所选单据不符', summary_en: 'the print job is for another document' });
  const t: DocTarget = {
    doc: print.doc,
    slipId: print.slipId ?? undefined,
    itemId: print.itemId ?? undefined,
    countId: print.countId ?? undefined,
    from: print.from ?? undefined,
    to: print.to ?? undefined,
    paper: print.paper,
    copies: print.copies,
  };
  return { t, print };
}

export interface Built {
  built: { doc: Record<string, unknown>; pages: number };
  fileName: string;
  paper: PaperSize;
  copies: string[];
}

type PrintInfo = { printNo: number; printedAt: string; printedBy: string } | null;

/** What a stock card is laid out from, read now. */
function stockCardData(db: ReadableDB, t: DocTarget, today: string, print: PrintInfo): { data: StockCardDocData; fileName: string } {
  const itemId = targetItem(t);
  const item = getItem(db, itemId);
  const to = t.to ?? today;
  const card = fullStockCard(db, itemId, t.from, to);
  return {
    data: { office: officeInfo(db), item, from: t.from ?? null, to, ...card, print },
    fileName: `库存明细账_${fileSafe(item.code)}_${t.from ?? '开始'}_${to}.pdf`,
  };
}

function buildStockCard(db: ReadableDB, t: DocTarget, today: string, print: PrintInfo): Built {
  const { data, fileName } = stockCardData(db, t, today, print);
  return { built: buildStockCardDoc(data), fileName, paper: 'A4', copies: [] };
}

function buildSlip(db: ReadableDB, t: DocTarget, print: PrintRecord | null): Built {
  const r = resolveTarget(db, t);
  const { slip, party } = asSigned(db, r.slip!);
  if (print && print.contentHash !== slip.contentHash) fail('document_changed', { no: slip.no });
  const source = slip.kind === 'reversal' && slip.sourceSlipId != null ? slipRow(db, slip.sourceSlipId) : null;
  const built = buildSlipDoc({
    signatureImages: signatureImages(db),
    office: officeInfo(db),
    slip,
    party,
    source: source ? { no: source.no, kind: source.kind, businessDate: source.business_date } : null,
    paper: r.paper,
    copies: r.copies,
    qrPayload: slipQrPayload(db, slip.no, slip.contentHash),
    print: print ? { printNo: print.printNo, printedAt: print.printedAt, printedBy: print.printedBy.name } : null,
  });
  const fileName = `${SLIP_KIND_ZH[slip.kind]}_${slip.no}${print && print.printNo > 1 ? `_补打${print.printNo}` : ''}.pdf`;
  return { built, fileName, paper: r.paper, copies: r.copies };
}

/**
 * documents.startRender: a stock card laid out a few pages at a time (printing/paged.ts) in the
 * background; a slip (a few pages) at once. Everything is read here, before the first page.
 */
export function startRender(db: ReadableDB, input: DocTarget & { printId?: number }, today: string, userId: number): RenderJob {
  const { t, print } = input.printId != null ? printTarget(db, { ...input, printId: input.printId }) : { t: input, print: null };
  if (t.doc !== 'stockCard') {
    const b = buildSlip(db, t, print);
    return startJob(userId, b.built.pages, () => renderBuilt(b, print));
  }
  const printInfo = print ? { printNo: print.printNo, printedAt: print.printedAt, printedBy: print.printedBy.name } : null;
  const card = stockCardData(db, t, today, printInfo);
  const paged = buildStockCardPages(card.data);
  return startJob(userId, paged.pages, async (hooks) => {
    const pdf = await renderPaged(paged, hooks);
    return renderedOf({ fileName: card.fileName, paper: 'A4', copies: [] }, pdf, print);
  });
}

/** documents.render of a slip or a stock card: a preview, or the paper of a logged print. */
export async function renderSlipOrCard(db: ReadableDB, input: DocTarget & { printId?: number }, today: string): Promise<RenderedDocument> {
  const { t, print } = input.printId != null ? printTarget(db, { ...input, printId: input.printId }) : { t: input, print: null };
  const printInfo = print ? { printNo: print.printNo, printedAt: print.printedAt, printedBy: print.printedBy.name } : null;
  const b = t.doc === 'stockCard' ? buildStockCard(db, t, today, printInfo) : buildSlip(db, t, print);
  return renderBuilt(b, print);
}

export async function renderBuilt(b: Built, print: PrintRecord | null): Promise<RenderedDocument> {
  const pdf = await renderPdf(b.built.doc);
  // Every row is one line of fitted text, so a form never spills over; if it ever did, the paper
  // is still better printed than refused: say so in the log.
  if (pdf.pages !== b.built.pages) console.warn(`[documents] ${b.fileName}: planned ${b.built.pages} pages, got ${pdf.pages}`);
  return renderedOf(b, pdf, print);
}

function renderedOf(b: Pick<Built, 'fileName' | 'paper' | 'copies'>, pdf: { bytes: Buffer; pages: number }, print: PrintRecord | null): RenderedDocument {
  return {
    fileName: b.fileName,
    mime: 'application/pdf',
    base64: pdf.bytes.toString('base64'),
    pages: pdf.pages,
    bytes: pdf.bytes.length,
    paper: b.paper,
    copies: b.copies,
    printId: print?.id ?? null,
    printNo: print?.printNo ?? null,
  };
}
