// 日常要货订单 (requisitions.*): a requisition to HQ (要货单, numbered YH from the slips' series),
// made from a signed order plan or by hand, signed by the manager with the PIN. It moves no stock and
// no money. Inbound slips name it (slips.requisitionId); received per line = the posted inbound
// quantity of the item on the slips that name it, reversals netted; outstanding = ordered − received
// (never below 0: HQ sending more is allowed and shown as received). A line is late when its expected
// date has passed in the office's timezone and something is outstanding. A signed requisition is
// 'received' once nothing is outstanding (reckoned, so a reversal opens it again); the manager cancels
// one with nothing received, or closes one short — recorded, never deleted.

import { z } from 'zod';
import { DateStr, Id, MAX_QTY, Name, Person, PinSignoff, Text, method, Page } from './common';

export const REQUISITION_STATES = ['draft', 'signed', 'received', 'cancelled', 'closed'] as const;
export const RequisitionState = z.enum(REQUISITION_STATES);
export type RequisitionState = z.infer<typeof RequisitionState>;
export const REQUISITION_STATE_ZH: Record<RequisitionState, string> = {
  draft: '草稿',
  signed: '已签发',
  received: '已到齐',
  cancelled: '已取消',
  closed: '已结案(短收)',
};

export const RequisitionLineInput = z.object({ itemId: Id, qty: z.number().int().min(1).max(MAX_QTY), expectedDate: DateStr });
export type RequisitionLineInput = z.infer<typeof RequisitionLineInput>;

export const RequisitionLine = z.object({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  expectedDate: z.string(),
  received: z.number().int(),
  outstanding: z.number().int(),
  late: z.boolean(),
});
export type RequisitionLine = z.infer<typeof RequisitionLine>;

export const Requisition = z.object({
  id: Id,
  no: z.string(),
  businessDate: z.string(),
  planId: Id.nullable(),
  memo: z.string(),
  state: RequisitionState,
  createdBy: Person,
  createdAt: z.string(),
  signedBy: Person.nullable(),
  signedAt: z.string().nullable(),
  contentHash: z.string().nullable(),
  endedBy: Person.nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  totalQty: z.number().int(),
  received: z.number().int(),
  outstanding: z.number().int(),
  lateLines: z.number().int(),
  lines: z.array(RequisitionLine),
  /** the inbound slips that name it */
  slips: z.array(z.object({ id: Id, no: z.string(), state: z.string(), businessDate: z.string() })),
});
export type Requisition = z.infer<typeof Requisition>;

export const RequisitionSummary = Requisition.omit({ lines: true, slips: true }).extend({ lineCount: z.number().int() });
export type RequisitionSummary = z.infer<typeof RequisitionSummary>;

const REQUISITION_MAKERS = ['keeper', 'statistician', 'manager'] as const;
const End = z.object({ requisitionId: Id, reason: Name(200), manager: PinSignoff });

export const requisitionsMethods = {
  'requisitions.create': method({
    input: z.object({
      /** a signed plan: its lines with a quantity become the lines (expected after each item's lead time) */
      planId: Id.optional(),
      memo: Text(200).default(''),
      lines: z.array(RequisitionLineInput).max(2000).default([]),
    }),
    output: Requisition,
    access: REQUISITION_MAKERS,
    write: true,
    doc: 'Open a draft requisition (YH + yyyyMMdd + serial), from a signed plan or by hand.',
  }),
  'requisitions.update': method({
    input: z.object({ requisitionId: Id, memo: Text(200).optional(), lines: z.array(RequisitionLineInput).max(2000).optional() }),
    output: Requisition,
    access: REQUISITION_MAKERS,
    write: true,
    doc: 'Edit a draft requisition; lines, when given, replace all lines.',
  }),
  'requisitions.sign': method({
    input: z.object({ requisitionId: Id, manager: PinSignoff }),
    output: Requisition,
    access: ['manager'],
    write: true,
    doc: 'The manager signs a draft with the PIN (content hash, the office’s signature); it is frozen and goes to HQ.',
  }),
  'requisitions.cancel': method({
    input: End,
    output: Requisition,
    access: ['manager'],
    write: true,
    doc: 'Cancel a signed requisition nothing has been received on, with a reason and the PIN (recorded, never deleted).',
  }),
  'requisitions.close': method({
    input: End,
    output: Requisition,
    access: ['manager'],
    write: true,
    doc: 'Close a signed requisition short: what is outstanding is no longer expected.',
  }),
  'requisitions.get': method({
    input: z.object({ requisitionId: Id }),
    output: Requisition,
    access: [...REQUISITION_MAKERS, 'finance'],
    write: false,
    doc: 'One requisition: ordered, received, outstanding and late per line, and the inbound slips against it.',
  }),
  'requisitions.pdf': method({
    input: z.object({ requisitionId: Id }),
    output: z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() }),
    access: [...REQUISITION_MAKERS, 'finance'],
    write: false,
    doc: '要货单 as PDF for HQ (A4, a QR of its number and content hash, signed boxes 制表 / 经理 / 总部确认).',
  }),
  'requisitions.xlsx': method({
    input: z.object({ requisitionId: Id }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: [...REQUISITION_MAKERS, 'finance'],
    write: false,
    doc: '要货单 as XLSX for HQ: a row per line with ordered, expected, received and outstanding.',
  }),
  'requisitions.list': method({
    input: z.object({ state: RequisitionState.optional(), lateOnly: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(RequisitionSummary), total: z.number().int() }),
    access: [...REQUISITION_MAKERS, 'finance'],
    write: false,
    doc: 'Requisitions, newest first; by state (received is reckoned), or only those with late lines.',
  }),
} as const;
