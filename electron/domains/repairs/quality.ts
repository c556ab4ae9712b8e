// 产品质量问题 (quality problems per item, for the manager's report to HQ) as paper and as a sheet:
// the PDF laid out by printing/list-doc.ts, the XLSX written by export/xlsx.ts, both from qualityRows.

import type { QualityRow } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { dateTimeIn } from '../../../shared/time';
import { buildListDoc, LIST_WIDTH } from '../../printing/list-doc';
import { renderPdf } from '../../printing/pdf';
import type { ReadableDB } from '../../store/db';
import { officeInfo } from '../documents/service';
import { sheetXlsx } from '../export/xlsx';
import { qualityRows } from './repo';

type Period = { from: string; to: string };

const faultsText = (r: QualityRow) => r.faults.map((f) => `${f.fault}×${f.qty}`).join('、');

const HEADERS = ['编码', '品名', '规格', '单位', '次品退货', '退货单数', '修复', '报废', '退回总部', '故障'] as const;

function cells(r: QualityRow): (string | number)[] {
  return [r.code, r.name, r.spec, r.unit, r.returnedQty, r.returnCount, r.repairedQty, r.scrappedQty, r.hqReturnQty, faultsText(r)];
}

function totals(rows: QualityRow[]) {
  const sum = (k: 'returnedQty' | 'returnCount' | 'repairedQty' | 'scrappedQty' | 'hqReturnQty') => rows.reduce((n, r) => n + r[k], 0);
  return { returned: sum('returnedQty'), returns: sum('returnCount'), repaired: sum('repairedQty'), scrapped: sum('scrappedQty'), hq: sum('hqReturnQty') };
}

export async function qualityPdf(db: ReadableDB, p: Period, madeBy: string, nowIso: string): Promise<{ fileName: string; base64: string; pages: number }> {
  const rows = qualityRows(db, p.from, p.to);
  const office = officeInfo(db);
  const t = totals(rows);
  const widths = [56, 104, 56, 28, 42, 46, 34, 34, 42];
  const built = buildListDoc({
    office,
    title: '产品质量问题',
    lines: [`期间 ${p.from} 至 ${p.to}　共 ${rows.length} 个商品`, '次品退货: 客户退回并标为次品的数量(已过账、未冲销); 修复/报废/退回总部: 维修记录的结果'],
    qr: null,
    cols: HEADERS.map((title, i) => ({ title, width: widths[i] ?? LIST_WIDTH - widths.reduce((a, b) => a + b, 0), right: i >= 4 && i <= 8 })),
    rows: rows.map((r) => cells(r).map(String)),
    rowHeight: 17,
    after: [
      `合计: 次品退货 ${t.returned} (退货单 ${t.returns} 张)　修复 ${t.repaired}　报废 ${t.scrapped}　退回总部 ${t.hq}`,
      `制表: ${madeBy}　　　经理: ____________　　　日期: ____________`,
    ],
    ref: `${p.from}–${p.to}`,
    printedAt: nowIso,
    printNo: null,
  });
  const pdf = await renderPdf(built.doc);
  return { fileName: `产品质量问题_${p.from}_${p.to}.pdf`, base64: pdf.bytes.toString('base64'), pages: pdf.pages };
}

export function qualitySheetXlsx(db: ReadableDB, p: Period, nowIso: string, timezone: string): { fileName: string; base64: string } {
  const rows = qualityRows(db, p.from, p.to);
  const columns = HEADERS.map((header, i) => ({ header, format: i >= 4 && i <= 8 ? ('int' as const) : ('text' as const) }));
  const t = totals(rows);
  const body: SheetCell[][] = [...rows.map(cells), ['合计', `${rows.length} 个商品`, '', '', t.returned, t.returns, t.repaired, t.scrapped, t.hq, '']];
  const sheet = { title: `产品质量问题 ${p.from}至${p.to}`, columns, rows: body, filters: [{ label: '期间', value: `${p.from} 至 ${p.to}` }] };
  return { fileName: `产品质量问题_${p.from}_${p.to}.xlsx`, base64: sheetXlsx(sheet, dateTimeIn(nowIso, timezone)) };
}
