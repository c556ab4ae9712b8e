// The papers that are not a slip in its copies, printed and logged like one (print_log, 补打 from
// the second print): the pick list (拣货单) of a dispatch — its lines by 库位, each with the oldest
// saleable layer to take (先进先出 on the shelf, the pick screen's data) and a box to tick — and a
// count's sheet and report (counts/paper.ts lays them out).

import type { ListDoc, PrintRecord, RenderJob, RenderedDocument, Slip } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { buildListDoc, LIST_WIDTH } from '../../printing/list-doc';
import { dateZh } from '../../printing/format';
import type { ReadableDB } from '../../store/db';
import { countBuilt } from '../counts/paper';
import { startJob } from './jobs';
import { officeInfo, printTarget, renderBuilt, resolveTarget, type Built, type DocTarget } from './service';

const PICK_WIDTHS = [28, 50, 62, 118, 56, 26, 36, 130];

/** By location (库位) as the keeper walks the shelves, lines without one last, then in the slip's order. */
export function pickOrder(lines: Slip['lines']): Slip['lines'] {
  return [...lines].sort((a, b) =>
    (a.location === '') !== (b.location === '') ? (a.location === '' ? 1 : -1) : a.location.localeCompare(b.location) || a.lineNo - b.lineNo,
  );
}

function pickListBuilt(db: ReadableDB, slip: Slip, nowIso: string, print: PrintRecord | null): Built {
  if (print && print.contentHash !== slip.contentHash) fail('document_changed', { no: slip.no });
  const lines = pickOrder(slip.lines);
  const titles = ['序号', '库位', '编码', '品名', '规格', '单位', '数量', '先出批次(入库日期 单号)', '✓'];
  const used = PICK_WIDTHS.reduce((a, b) => a + b, 0);
  const total = lines.reduce((n, l) => n + l.qty, 0);
  const built = buildListDoc({
    office: officeInfo(db),
    title: '拣货单',
    lines: [
      `发货单 ${slip.no}　日期 ${dateZh(slip.businessDate)}　客户 ${slip.customerName ?? ''}`,
      `共 ${lines.length} 行 ${total} 件　按库位排列, 每行先取最早入库的一批`,
    ],
    qr: slip.no,
    cols: titles.map((title, i) => ({ title, width: PICK_WIDTHS[i] ?? LIST_WIDTH - used, right: i === 0 || i === 6 })),
    rows: lines.map((l, i) => [
      String(i + 1),
      l.location,
      l.itemCode,
      l.itemName,
      l.spec,
      l.unit,
      String(l.qty),
      l.oldestLayer ? `${l.oldestLayer.date} ${l.oldestLayer.slipNo}` : '',
      '',
    ]),
    rowHeight: 22,
    after: [`合计 ${total} 件`, '拣货人: ____________　　复核: ____________　　时间: ____________'],
    ref: slip.no,
    printedAt: print?.printedAt ?? nowIso,
    printNo: print?.printNo ?? null,
  });
  const reprint = print && print.printNo > 1 ? `_补打${print.printNo}` : '';
  return { built, fileName: `拣货单_${slip.no}${reprint}.pdf`, paper: 'A4', copies: [] };
}

function listDocBuilt(db: ReadableDB, t: DocTarget & { doc: ListDoc }, nowIso: string, print: PrintRecord | null): Built {
  const r = resolveTarget(db, t);
  if (t.doc === 'pickList') return pickListBuilt(db, r.slip!, nowIso, print);
  return countBuilt(db, r.countId!, t.doc === 'countSheet' ? 'sheet' : 'report', print?.printedAt ?? nowIso, print?.printNo ?? null);
}

function targetOf(db: ReadableDB, input: DocTarget & { doc: ListDoc; printId?: number }): { t: DocTarget & { doc: ListDoc }; print: PrintRecord | null } {
  if (input.printId == null) return { t: input, print: null };
  const { t, print } = printTarget(db, { ...input, printId: input.printId });
  return { t: { ...t, doc: input.doc }, print };
}

/** documents.render of a list paper: a preview, or the paper of a logged print. */
export function renderListDoc(db: ReadableDB, input: DocTarget & { doc: ListDoc; printId?: number }, nowIso: string): Promise<RenderedDocument> {
  const { t, print } = targetOf(db, input);
  return renderBuilt(listDocBuilt(db, t, nowIso, print), print);
}

/** documents.startRender of a list paper: a few pages, laid out at once and rendered in the background. */
export function startListRender(db: ReadableDB, input: DocTarget & { doc: ListDoc; printId?: number }, nowIso: string, userId: number): RenderJob {
  const { t, print } = targetOf(db, input);
  const b = listDocBuilt(db, t, nowIso, print);
  return startJob(userId, b.built.pages, () => renderBuilt(b, print));
}
