// counts.paper: the count sheet (盘点表, no book quantity: what the keeper counts on) and the count
// report (盘点报告: the variance, causes, totals and who counted, recounted and approved) as PDF.
// Data from repo.ts and variance.ts; layout in printing/count-doc.ts.

import type { RenderedDocument } from '../../../shared/contract';
import { COUNT_CAUSE_ZH, COUNT_KIND_ZH } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { buildCountDoc } from '../../printing/count-doc';
import { officeInfo, renderBuilt, type Built } from '../documents/service';
import * as repo from './repo';
import { varianceOf } from './variance';

const STATE_ZH = { open: '盘点中', counted: '已盘完', posted: '已过账', reversed: '已冲销' } as const;

function namesOf(db: ReadableDB, countId: number, column: 'e.user_id' | 'l.recount_by'): string[] {
  const from = column === 'e.user_id' ? 'count_entries e JOIN count_lines l ON l.id = e.line_id' : 'count_lines l';
  return sql(db, `SELECT DISTINCT u.name FROM ${from} JOIN users u ON u.id = ${column} WHERE l.count_id = ? ORDER BY u.name`).pluck().all(countId) as string[];
}

/** The count's sheet or report laid out; `printNo` the logged print it is (2 and up say 补打), null for a preview. */
export function countBuilt(db: ReadableDB, countId: number, kind: 'sheet' | 'report', nowIso: string, printNo: number | null): Built {
  const c = repo.countRow(db, countId);
  const view = repo.countView(db, c.id);
  const office = officeInfo(db);
  const v = kind === 'report' ? varianceOf(db, c) : null;
  const data = {
    office: { name: office.name, timezone: office.timezone },
    ...{ no: c.no, kindZh: COUNT_KIND_ZH[c.kind], scope: c.scope, businessDate: c.business_date, blind: c.blind === 1, stateZh: STATE_ZH[c.state] },
    ...{ createdBy: view.createdBy.name, approvedBy: view.approvedBy?.name ?? null, approvedAt: view.approvedAt },
    counters: namesOf(db, c.id, 'e.user_id'),
    recounters: namesOf(db, c.id, 'l.recount_by'),
    lines: repo
      .lineRows(db, c.id)
      .map((l) => ({ location: l.location, itemCode: l.item_code, itemName: l.item_name, spec: l.spec, unit: l.unit, counted: l.counted_qty })),
    variance: (v?.lines ?? []).map((l) => ({
      ...{ location: l.location, itemCode: l.itemCode, itemName: l.itemName, book: l.bookQty, counted: l.countedQty, diff: l.diffQty, diffFen: l.diffFen },
      cause: l.cause ? `${COUNT_CAUSE_ZH[l.cause]}${l.causeText ? `: ${l.causeText}` : ''}` : '',
    })),
    gain: { qty: v?.gainQty ?? 0, fen: v?.gainFen ?? 0 },
    loss: { qty: v?.lossQty ?? 0, fen: v?.lossFen ?? 0 },
    printedAt: nowIso,
    printNo,
  };
  const built = buildCountDoc(data, kind);
  const reprint = printNo && printNo > 1 ? `_补打${printNo}` : '';
  return { built, fileName: `${kind === 'sheet' ? '盘点表' : '盘点报告'}_${c.no}${reprint}.pdf`, paper: 'A4', copies: [] };
}

/** counts.paper: a preview of the sheet or report (not logged; documents.* logs and numbers a print). */
export async function countPaper(db: ReadableDB, countId: number, kind: 'sheet' | 'report', nowIso: string): Promise<RenderedDocument> {
  return renderBuilt(countBuilt(db, countId, kind, nowIso, null), null);
}
