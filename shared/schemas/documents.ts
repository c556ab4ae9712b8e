// Printing (documents.*): slips, stock cards and finance papers as PDF, the print log (补打),
// the copies (联) each slip kind prints in, and checking a printed slip's QR code.

import { z } from 'zod';
import type { Role } from '../roles';
import { DOC_PRINTERS, DOC_RENDERERS, DateStr, Empty, Id, Name, Page, Person, Text, method } from './common';
import { SlipSummary } from './slips';

/** What can be printed: a slip as its kind's document, or an item's stock card (库存明细账). */
export const DOC_KINDS = [
  'dispatch',
  'inbound',
  'return',
  'reversal',
  'opening',
  'stockCard',
  'cashCount',
  'statement',
  'writeoff',
  'hqReturn',
  /** 拣货单: a dispatch's lines by 库位 for the keeper to pick, with the oldest layer to take (slipId) */
  'pickList',
  /** 盘点表 / 盘点报告: a count's sheet and report (countId) */
  'countSheet',
  'countReport',
] as const;
/** The papers that are not a slip in its kind's copies: laid out from a slip or a count, A4, no copies. */
export const LIST_DOCS = ['pickList', 'countSheet', 'countReport'] as const;
export type ListDoc = (typeof LIST_DOCS)[number];
export const isListDoc = (doc: string): doc is ListDoc => (LIST_DOCS as readonly string[]).includes(doc);
export const LIST_DOC_ZH: Record<ListDoc, string> = { pickList: '拣货单', countSheet: '盘点表', countReport: '盘点报告' };
/** Finance papers: previews only (documents.render), not logged prints; readable by these roles. */
export const FINANCE_DOC_ROLES = {
  /** 现金盘点表: a day's cash count, book balance, channels, checks and countersignatures */
  cashCount: ['finance', 'manager', 'statistician'],
  /** 客户对账单: a customer's statement for a period */
  statement: ['finance', 'manager', 'statistician', 'sales'],
} as const;
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;

/** Who may have each document: the finance papers their readers; slips and stock cards the printers. The core checks it; the screens offer only these. */
export function docRoles(doc: DocKind): readonly Role[] {
  return doc === 'cashCount' || doc === 'statement' ? FINANCE_DOC_ROLES[doc] : DOC_PRINTERS;
}
export const PaperSize = z.enum(['A4', 'A5']);
export type PaperSize = z.infer<typeof PaperSize>;
/** The copies (联) a slip is printed in, by name, e.g. 第二联 客户. */
export const CopyNames = z.array(Name(20)).min(1).max(6);

const docTargetFields = {
  doc: DocKind,
  /** dispatch / inbound / return / reversal / opening / writeoff / hqReturn: the slip (its kind must match doc) */
  slipId: Id.optional(),
  /** stockCard: the item and the period (business dates, both ends included) */
  itemId: Id.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** slips: A5 landscape or A4 portrait; default from the office's settings. A stock card is always A4 landscape. */
  paper: PaperSize.optional(),
  /** slips: which copies to print; default all the office's copies for that kind */
  copies: CopyNames.optional(),
  /** cashCount: the business day (default today); closed days print the close, open days a 未日结 preview */
  date: DateStr.optional(),
  /** statement: the customer, with from/to as the period (from default the 1st of to's month, to default today) */
  customerId: Id.optional(),
  /** countSheet / countReport: the count */
  countId: Id.optional(),
};

/** preview: the paper was opened to be printed · printed: the job was sent, or the user said it came out */
export const PRINT_KINDS = ['preview', 'printed'] as const;
export const PrintKind = z.enum(PRINT_KINDS);
export type PrintKind = z.infer<typeof PrintKind>;

export const PrintRecord = z.object({
  id: Id,
  kind: PrintKind,
  /** printed: the preview it confirms (null for a print logged in one step) */
  previewId: Id.nullable(),
  doc: DocKind,
  slipId: Id.nullable(),
  slipNo: z.string().nullable(),
  itemId: Id.nullable(),
  /** countSheet / countReport: the count, and its number */
  countId: Id.nullable(),
  countNo: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  paper: PaperSize,
  copies: z.array(z.string()),
  /** 1 for the first print of the document; 2 and up are reprints (补打); only prints count, a preview has the number its print gets */
  printNo: z.number().int(),
  /** the slip's content hash when it was printed */
  contentHash: z.string().nullable(),
  printedAt: z.string(),
  printedBy: Person,
});
export type PrintRecord = z.infer<typeof PrintRecord>;

export const RenderedDocument = z.object({
  fileName: z.string(),
  mime: z.literal('application/pdf'),
  /** the PDF, base64 */
  base64: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  paper: PaperSize,
  copies: z.array(z.string()),
  /** the print-log entry this is the paper of; null for a preview */
  printId: Id.nullable(),
  printNo: z.number().int().nullable(),
});
export type RenderedDocument = z.infer<typeof RenderedDocument>;

/** A document rendered in the background (documents.startRender): how far it got, and the PDF once done. */
export const RENDER_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export const RenderJob = z.object({
  jobId: z.string(),
  state: z.enum(RENDER_STATES),
  /** pages laid out so far, of pages */
  page: z.number().int(),
  pages: z.number().int(),
  /** done: the PDF (handed over once: the job is gone after this answer) */
  document: RenderedDocument.nullable(),
  /** failed: why */
  error: z.object({ code: z.string(), message_zh: z.string(), message_en: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
});
export type RenderJob = z.infer<typeof RenderJob>;
const JobId = z.object({ jobId: Name(64) });

export const PrintSettings = z.object({
  paper: PaperSize,
  copies: z.object({ dispatch: z.array(z.string()), inbound: z.array(z.string()), return: z.array(z.string()), reversal: z.array(z.string()) }),
});
export type PrintSettings = z.infer<typeof PrintSettings>;

/** genuine: issued by this office and matches the books · reversed: genuine, since reversed (红字冲销) · altered: genuine, but the slip's content has changed since · void: genuine, the draft was voided (作废) · foreign: not this office's, malformed, or no such slip */
export const QR_STATUSES = ['genuine', 'reversed', 'altered', 'void', 'foreign'] as const;
export const QrCheck = z.object({
  status: z.enum(QR_STATUSES),
  message_zh: z.string(),
  message_en: z.string(),
  /** the slip number and content hash the QR carries (null when unreadable) */
  no: z.string().nullable(),
  printedHash: z.string().nullable(),
  /** the slip as the books have it now, when the QR is this office's */
  slip: SlipSummary.extend({ contentHash: z.string() }).nullable(),
});
export type QrCheck = z.infer<typeof QrCheck>;

export const documentsMethods = {
  'documents.render': method({
    input: z.object({
      ...docTargetFields,
      /** render the paper of a print-log entry (from documents.recordPrint): its copies, paper and 补打 mark */
      printId: Id.optional(),
    }),
    output: RenderedDocument,
    access: DOC_RENDERERS,
    write: false,
    doc: 'A document as PDF: a preview, or with printId the pages of a logged print (documents.recordPrint first).',
  }),
  'documents.startRender': method({
    input: z.object({ ...docTargetFields, printId: Id.optional() }),
    output: RenderJob,
    access: DOC_RENDERERS,
    write: false,
    doc: 'documents.render in the background, for a long document (a stock card of hundreds of pages): poll documents.progress (第 N 页), stop it with documents.cancelRender.',
  }),
  'documents.progress': method({
    input: JobId,
    output: RenderJob,
    access: DOC_RENDERERS,
    write: false,
    doc: 'How far a background render got; once done (or cancelled, or failed) the answer carries the PDF (or why) and the job is gone.',
  }),
  'documents.cancelRender': method({
    input: JobId,
    output: RenderJob,
    access: DOC_RENDERERS,
    write: false,
    doc: 'Stop a background render: no page is laid out after the one in hand; nothing was written.',
  }),
  'documents.recordPrint': method({
    input: z.object(docTargetFields),
    output: PrintRecord,
    access: DOC_PRINTERS,
    write: true,
    doc: 'Log that a document goes to the printer (which copies, which print of it: 2nd and later are 补打); then render it with the returned id.',
  }),
  'documents.recordPreview': method({
    input: z.object(docTargetFields),
    output: PrintRecord,
    access: DOC_PRINTERS,
    write: true,
    doc: 'Log that a document’s paper is opened to be printed (预览, with the 补打 number its print will have); render it with the returned id, then documents.confirmPrint once it is printed.',
  }),
  'documents.confirmPrint': method({
    input: z.object({ printId: Id }),
    output: PrintRecord,
    access: DOC_PRINTERS,
    write: true,
    doc: 'The paper of a preview was printed (the job was sent, or the user says it came out): log the print. Refused when the slip changed or another print came in between.',
  }),
  'documents.printLog': method({
    input: z.object({ slipId: Id.optional(), itemId: Id.optional(), countId: Id.optional(), ...Page }),
    output: z.object({ rows: z.array(PrintRecord), total: z.number().int() }),
    access: DOC_PRINTERS,
    write: false,
    doc: 'Prints of a slip or stock card (or all), newest first.',
  }),
  'documents.verifyQr': method({
    input: z.object({ payload: Text(1000) }),
    output: QrCheck,
    access: 'any',
    write: false,
    doc: 'Check a scanned slip QR: is it this office’s, and does the paper still match the books?',
  }),
  'documents.publicKey': method({
    input: Empty,
    output: z.object({
      officeName: z.string(),
      publicKeyPem: z.string(),
      fingerprint: z.string(),
      /** the keys the office signed with before (office.newKey): papers they signed still verify with them */
      retiredKeys: z.array(z.object({ publicKeyPem: z.string(), fingerprint: z.string(), createdAt: z.string(), retiredAt: z.string() })),
    }),
    access: 'any',
    write: false,
    doc: 'The office’s public key (PEM) and its fingerprint, and the keys it retired, for HQ to check printed slips offline (scripts/verify-slip.ts).',
  }),
  'documents.settings': method({
    input: Empty,
    output: PrintSettings,
    access: 'any',
    write: false,
    doc: 'Paper size and the copies (联) each kind of slip prints in.',
  }),
  'documents.updateSettings': method({
    input: z.object({
      paper: PaperSize.optional(),
      copies: z
        .object({ dispatch: CopyNames.optional(), inbound: CopyNames.optional(), return: CopyNames.optional(), reversal: CopyNames.optional() })
        .optional(),
    }),
    output: PrintSettings,
    access: ['manager', 'admin'],
    write: true,
    doc: 'Set the paper size (A5 landscape / A4 portrait) and the copies each slip kind prints in.',
  }),
} as const;
