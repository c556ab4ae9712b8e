// documents.*: printed slips, stock cards and finance papers (PDF), the print log, print settings,
// and checking a scanned slip QR against the books. Rendering is a read (async); printing is two
// calls: documents.recordPrint (a write: logs the print and its 补打 number) then documents.render
// with the returned printId (the paper of that print).

import { isListDoc, LIST_DOC_ZH, SLIP_KIND_ZH, type DocKind, type PrintRecord, type SlipKind } from '../../../shared/contract';
import { actor, type Ctx, type Handlers } from '../context';
import { countRow } from '../counts/repo';
import { requireVarianceVisible } from '../counts/rules';
import { renderListDoc, startListRender } from './listPapers';
import { requireOffice } from '../office/repo';
import { renderFinancePaper } from './financePapers';
import { publicKeyFingerprint } from './qr';
import { officeKeyRows } from '../../ledger/officeSecrets';
import { verifyQr } from './qrCheck';
import { printLog, printRecord, printSettings, updatePrintSettings } from './repo';
import { isFinanceDoc, requireDistinctCopyNames, requireDocRole } from './rules';
import { confirmPrint, logPrint, renderSlipOrCard, startRender } from './service';
import { cancelJob, jobProgress } from './jobs';
import { invalid } from '../errors';
import { readerOf, requireCustomerInReach } from '../reads/scope';
import { shownSummary } from '../slips/scope';

const docName = (rec: PrintRecord) =>
  isListDoc(rec.doc)
    ? `${LIST_DOC_ZH[rec.doc]} ${rec.slipNo ?? rec.countNo}`
    : rec.slipNo
      ? `${SLIP_KIND_ZH[rec.doc as SlipKind]} ${rec.slipNo}`
      : `库存明细账 item ${rec.itemId}`;

/** A count's report is not shown to a counter while a blind count is open (counts.variance's rule), nor its logged print. */
function requireCountPaperRole(ctx: Ctx, input: { doc: DocKind; countId?: number; printId?: number }): void {
  if (input.doc !== 'countReport') return;
  const countId = input.countId ?? (input.printId != null ? printRecord(ctx.db, input.printId)?.countId : null);
  if (countId != null) requireVarianceVisible(countRow(ctx.db, countId), actor(ctx).roles);
}

export const documentsHandlers = {
  'documents.render': (input, ctx) => {
    requireDocRole(input.doc, actor(ctx).roles);
    if (input.doc === 'statement' && input.customerId != null) requireCustomerInReach(ctx.db, readerOf(ctx), input.customerId);
    requireCountPaperRole(ctx, input);
    if (isListDoc(input.doc)) return renderListDoc(ctx.db, { ...input, doc: input.doc }, ctx.nowIso);
    return isFinanceDoc(input.doc) ? renderFinancePaper(ctx.db, input, ctx.businessDate) : renderSlipOrCard(ctx.db, input, ctx.businessDate);
  },

  'documents.startRender': (input, ctx) => {
    requireDocRole(input.doc, actor(ctx).roles);
    if (isFinanceDoc(input.doc)) invalid('现金盘点表、客户对账单直接生成', 'cash counts and statements render at once (documents.render)');
    requireCountPaperRole(ctx, input);
    if (isListDoc(input.doc)) return startListRender(ctx.db, { ...input, doc: input.doc }, ctx.nowIso, actor(ctx).id);
    return startRender(ctx.db, input, ctx.businessDate, actor(ctx).id);
  },

  'documents.progress': (input, ctx) => jobProgress(input.jobId, actor(ctx).id),

  'documents.cancelRender': (input, ctx) => cancelJob(input.jobId, actor(ctx).id),

  'documents.recordPrint': (input, ctx) => {
    requireCountPaperRole(ctx, input);
    const rec = logPrint(ctx.db, input, ctx.nowIso, actor(ctx).id, ctx.businessDate);
    ctx.auditRef = `${docName(rec)} 第${rec.printNo}次打印 ${rec.copies.join('、')}`.trim();
    return rec;
  },

  'documents.recordPreview': (input, ctx) => {
    requireCountPaperRole(ctx, input);
    const rec = logPrint(ctx.db, input, ctx.nowIso, actor(ctx).id, ctx.businessDate, 'preview');
    ctx.auditRef = `${docName(rec)} 预览(第${rec.printNo}次打印) ${rec.copies.join('、')}`.trim();
    return rec;
  },

  'documents.confirmPrint': (input, ctx) => {
    const rec = confirmPrint(ctx.db, input.printId, ctx.nowIso, actor(ctx).id);
    ctx.auditRef = `${docName(rec)} 第${rec.printNo}次打印(预览 ${input.printId}) ${rec.copies.join('、')}`.trim();
    return rec;
  },

  'documents.printLog': (input, ctx) => printLog(ctx.db, input),

  'documents.verifyQr': (input, ctx) => {
    const check = verifyQr(ctx.db, input.payload);
    return check.slip ? { ...check, slip: shownSummary(check.slip, readerOf(ctx).scope) } : check;
  },

  'documents.publicKey': (_input, ctx) => {
    const office = requireOffice(ctx.db);
    const retiredKeys = officeKeyRows(ctx.db).flatMap((r) =>
      r.retired_at ? [{ publicKeyPem: r.public_key_pem, fingerprint: r.fingerprint, createdAt: r.created_at, retiredAt: r.retired_at }] : [],
    );
    return { officeName: office.name, publicKeyPem: office.public_key_pem, fingerprint: publicKeyFingerprint(office.public_key_pem), retiredKeys };
  },

  'documents.settings': (_input, ctx) => printSettings(ctx.db),

  'documents.updateSettings': (input, ctx) => {
    if (input.copies) requireDistinctCopyNames(input.copies);
    ctx.auditRef = [input.paper ? `paper ${input.paper}` : '', input.copies ? `copies ${Object.keys(input.copies).join(',')}` : ''].filter(Boolean).join('; ');
    return updatePrintSettings(ctx.db, input, ctx.nowIso, actor(ctx).id);
  },
} satisfies Partial<Handlers>;
