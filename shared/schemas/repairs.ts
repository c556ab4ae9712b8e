// Repair records (维修记录, repairs.*) on defective stock (次品, issue #12), and the quality problems
// (产品质量问题) per item for the manager's report to HQ. A record names the item, how many defective
// units, the fault, who repaired them and the outcome: repaired (back to saleable stock at the same
// FIFO cost, a posted 维修单 under the record's number), scrapped (a draft 报损单 for the manager to
// sign) or sent back to HQ (a draft 退回总部单). Numbered, append-only; the keeper writes them.

import { z } from 'zod';
import { DateStr, Id, Name, Page, Person, Qty, STOCK_READERS, Text, method } from './common';
import { SlipState } from './slips';

export const REPAIR_OUTCOMES = ['repaired', 'scrapped', 'hqReturn'] as const;
export const RepairOutcome = z.enum(REPAIR_OUTCOMES);
export type RepairOutcome = z.infer<typeof RepairOutcome>;
export const REPAIR_OUTCOME_ZH: Record<RepairOutcome, string> = { repaired: '修复(转良品)', scrapped: '报废(报损)', hqReturn: '退回总部' };

/** who writes repair records: the keeper, who holds the defective goods */
export const REPAIR_WRITERS = ['keeper'] as const;
/** who reads them and the quality list: the stock readers (the manager reports to HQ) */
export const REPAIR_READERS = STOCK_READERS;

export const Repair = z.object({
  id: Id,
  no: z.string(),
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  fault: z.string(),
  repairedBy: z.string(),
  outcome: RepairOutcome,
  memo: z.string(),
  /** repaired: the posted 维修单 (same number); scrapped / hqReturn: the draft 报损单 / 退回总部单 it opened */
  slipId: Id,
  slipNo: z.string(),
  slipState: SlipState,
  /** repaired: the FIFO cost moved back to saleable stock; null otherwise or for a reader who does not see costs */
  amountFen: z.number().int().nullable(),
  businessDate: z.string(),
  createdBy: Person,
  createdAt: z.string(),
});
export type Repair = z.infer<typeof Repair>;

export const DefectiveRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  location: z.string(),
  /** defective units on hand (次品) */
  defectiveQty: z.number().int(),
  /** of them, already on a draft write-off or return to HQ (not yet posted) */
  pendingQty: z.number().int(),
  /** what a new repair record may take */
  availableQty: z.number().int(),
});
export type DefectiveRow = z.infer<typeof DefectiveRow>;

/** One item's quality problems over a period: defective returns, repair records by outcome, the faults. */
export const QualityRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** units customers returned marked defective (posted returns, not reversed) */
  returnedQty: z.number().int(),
  /** number of customer returns with a defective line of this item */
  returnCount: z.number().int(),
  repairedQty: z.number().int(),
  scrappedQty: z.number().int(),
  hqReturnQty: z.number().int(),
  /** the faults recorded, most frequent first, with how many units each */
  faults: z.array(z.object({ fault: z.string(), qty: z.number().int() })),
});
export type QualityRow = z.infer<typeof QualityRow>;

const Period = z.object({ from: DateStr, to: DateStr });
const FileOut = z.object({ fileName: z.string(), base64: z.string() });

export const repairsMethods = {
  'repairs.defective': method({
    input: z.object({}).strict().default({}),
    output: z.object({ rows: z.array(DefectiveRow) }),
    access: REPAIR_READERS,
    write: false,
    doc: 'Items with defective stock (次品) on hand, how much of it drafts already take, and what a repair record may take.',
  }),
  'repairs.create': method({
    input: z.object({
      itemId: Id,
      qty: Qty,
      fault: Name(200),
      repairedBy: Name(40),
      outcome: RepairOutcome,
      memo: Text(500).optional(),
      /** hqReturn: HQ as the supplier of the draft (it may be set on the draft later) */
      supplierId: Id.optional(),
    }),
    output: Repair,
    access: REPAIR_WRITERS,
    write: true,
    doc: 'Record a repair of defective units: repaired posts a 维修单 (defective → saleable at the same FIFO cost); scrapped opens a draft 报损单, sent back a draft 退回总部单.',
  }),
  'repairs.list': method({
    input: z.object({ from: DateStr.optional(), to: DateStr.optional(), itemId: Id.optional(), search: Text(60).optional(), ...Page }),
    output: z.object({ rows: z.array(Repair), total: z.number().int() }),
    access: REPAIR_READERS,
    write: false,
    doc: 'Repair records, newest first, by period, item or number/fault text.',
  }),
  'repairs.quality': method({
    input: Period,
    output: z.object({ from: z.string(), to: z.string(), rows: z.array(QualityRow) }),
    access: REPAIR_READERS,
    write: false,
    doc: '产品质量问题: per item over a period, defective customer returns, repair records by outcome and their faults, for the report to HQ.',
  }),
  'repairs.qualityPdf': method({
    input: Period,
    output: FileOut.extend({ pages: z.number().int() }),
    access: REPAIR_READERS,
    write: false,
    doc: '产品质量问题 as PDF (A4 portrait).',
  }),
  'repairs.qualityXlsx': method({
    input: Period,
    output: FileOut,
    access: REPAIR_READERS,
    write: false,
    doc: '产品质量问题 as XLSX: a row per item.',
  }),
} as const;
