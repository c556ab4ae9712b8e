// The month pack to HQ (月报, issue #14): finance's monthly reports (A 现金日记帐, B 人员考勤表,
// C 费用统计表, D 客户应收款月报表 — whichever parts the desk has) made into one pack that the manager
// signs with the PIN. The pack is a canonical JSON payload with the audit chain's head, its SHA-256
// and the office's Ed25519 signature, stored once per month; from then on the month's days are
// locked (a correction is a 红字 in the next month). HQ checks the exported file offline with the
// office's public key (`desk verify-pack`).

import { z } from 'zod';
import { MONEY_READERS, MonthStr, Person, Pin, method } from './common';

/** What stands between the month and its signature: a blocker refuses the signature, a warning is shown. */
export const MONTH_PACK_PROBLEMS = [
  'month_not_over',
  'days_open',
  'counts_open',
  'month_end_count_missing',
  'expenses_unapproved',
  'expenses_unpaid',
  'refunds_unpaid',
] as const;
export const MonthPackProblemCode = z.enum(MONTH_PACK_PROBLEMS);
export type MonthPackProblemCode = z.infer<typeof MonthPackProblemCode>;

export const MonthPackProblem = z.object({
  code: MonthPackProblemCode,
  blocker: z.boolean(),
  /** how many (days, counts, claims, refunds) */
  count: z.number().int(),
  /** the days, count numbers, claim numbers or slip numbers it is about (at most 20) */
  refs: z.array(z.string()),
  message_zh: z.string(),
  message_en: z.string(),
});
export type MonthPackProblem = z.infer<typeof MonthPackProblem>;

export const MonthPackPartInfo = z.object({ key: z.string(), title_zh: z.string(), title_en: z.string() });

export const MonthPackSigned = z.object({
  signedBy: Person,
  signedAt: z.string(),
  sha256: z.string(),
  signature: z.string(),
  keyFingerprint: z.string(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
  parts: z.array(MonthPackPartInfo),
  /** the cover's QR: BDM1|<month>|<sha256>|<signature, base64url> */
  qrPayload: z.string(),
});
export type MonthPackSigned = z.infer<typeof MonthPackSigned>;

export const MonthPackStatus = z.object({
  month: z.string(),
  /** the parts this desk makes (the pack holds every one of them) */
  parts: z.array(MonthPackPartInfo),
  problems: z.array(MonthPackProblem),
  /** no blocker stands and the pack is not signed yet */
  canSign: z.boolean(),
  signed: MonthPackSigned.nullable(),
});
export type MonthPackStatus = z.infer<typeof MonthPackStatus>;

/** The banner from the 20th: the month whose pack is due and not signed, with what is still missing. */
export const MonthPackBanner = z.object({ month: z.string(), problems: z.array(MonthPackProblem) }).nullable();
export type MonthPackBanner = z.infer<typeof MonthPackBanner>;

/** The file HQ gets: the payload exactly as signed (canonical JSON text), its SHA-256 and the signature. */
export const MonthPackFile = z.object({
  format: z.literal('branch-desk-month-pack/1'),
  month: z.string(),
  payload: z.string(),
  sha256: z.string(),
  signature: z.string(),
  keyFingerprint: z.string(),
});
export type MonthPackFile = z.infer<typeof MonthPackFile>;

const MonthTarget = z.object({ month: MonthStr });
const PACK_READERS = [...MONEY_READERS, 'statistician'] as const;
const FileOut = z.object({ fileName: z.string(), base64: z.string() });

export const monthPackMethods = {
  'monthPack.status': method({
    input: MonthTarget,
    output: MonthPackStatus,
    access: PACK_READERS,
    write: false,
    doc: 'What the month still lacks before the manager signs its pack (blockers and warnings, every one at once), the parts, and the signed record if signed.',
  }),
  'monthPack.banner': method({
    input: z.object({}).strict().default({}),
    output: MonthPackBanner,
    access: 'any',
    write: false,
    doc: 'The banner finance and the manager see from the 20th (office time) until the month’s pack is signed (or an earlier month left unsigned): the month and what is missing. Null for anyone else, or when nothing is due.',
  }),
  'monthPack.sign': method({
    input: MonthTarget.extend({ pin: Pin }),
    output: MonthPackStatus,
    access: ['manager'],
    write: true,
    doc: 'The manager signs the month pack with the PIN: refused while any blocker stands; the parts’ data, the audit chain’s head and the signer in one canonical payload, its SHA-256 signed with the office key; the month is locked from then on.',
  }),
  'monthPack.export': method({
    input: MonthTarget,
    output: MonthPackFile,
    access: PACK_READERS,
    write: false,
    doc: 'The signed pack as the JSON file HQ checks offline (desk verify-pack FILE --key office.pem).',
  }),
  'monthPack.pdf': method({
    input: MonthTarget,
    output: FileOut.extend({ pages: z.number().int() }),
    access: PACK_READERS,
    write: false,
    doc: 'The signed pack as one PDF from what was signed: the cover (office, month, parts, SHA-256, signature, signer, chain head, QR) and each part with the boxes 制表 / 财务主管 / 经理. Log the print first (monthPack.recordPrint).',
  }),
  'monthPack.recordPrint': method({
    input: MonthTarget,
    output: z.object({ printNo: z.number().int() }),
    access: PACK_READERS,
    write: true,
    doc: 'Log a print of the signed month pack in the print log (its SHA-256 as the content hash); the number is its print’s (2 and up: 补打).',
  }),
  'monthPack.xlsx': method({
    input: MonthTarget,
    output: FileOut,
    access: PACK_READERS,
    write: false,
    doc: 'The signed pack as one workbook, a sheet per part, from what was signed.',
  }),
} as const;
