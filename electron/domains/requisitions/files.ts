// A requisition for HQ as paper and as a sheet: the PDF laid out by printing/requisition-doc.ts,
// the XLSX written by the export layer (export/xlsx.ts), both from requisitionView.

import { REQUISITION_STATE_ZH, type Requisition } from '../../../shared/contract';
import { dateTimeIn } from '../../../shared/time';
import { buildRequisitionDoc } from '../../printing/requisition-doc';
import { renderPdf } from '../../printing/pdf';
import type { ReadableDB } from '../../store/db';
import { officeInfo } from '../documents/service';
import { sheetXlsx } from '../export/xlsx';

export async function requisitionPdf(db: ReadableDB, r: Requisition, nowIso: string): Promise<{ fileName: string; base64: string; pages: number }> {
  const doc = buildRequisitionDoc({ office: officeInfo(db), requisition: r, stateZh: REQUISITION_STATE_ZH[r.state], at: nowIso });
  const pdf = await renderPdf(doc);
  return { fileName: `要货单_${r.no}.pdf`, base64: pdf.bytes.toString('base64'), pages: pdf.pages };
}

export function requisitionXlsx(db: ReadableDB, r: Requisition, now: Date): { fileName: string; base64: string } {
  const columns = [
    { header: '行', format: 'int' as const },
    { header: '商品编码', format: 'text' as const },
    { header: '品名', format: 'text' as const },
    { header: '规格', format: 'text' as const },
    { header: '单位', format: 'text' as const },
    { header: '要货数量', format: 'int' as const },
    { header: '预计到货', format: 'text' as const },
    { header: '已到货', format: 'int' as const },
    { header: '未到货', format: 'int' as const },
  ];
  const rows = r.lines.map((l) => [l.lineNo, l.itemCode, l.itemName, l.spec, l.unit, l.qty, l.expectedDate, l.received, l.outstanding]);
  const filters = [
    { label: '要货单号', value: r.no },
    { label: '日期', value: r.businessDate },
    { label: '状态', value: REQUISITION_STATE_ZH[r.state] },
    { label: '签发', value: r.signedBy?.name ?? '未签发' },
    { label: '内容摘要', value: r.contentHash ?? '' },
  ];
  const office = officeInfo(db);
  return { fileName: `要货单_${r.no}.xlsx`, base64: sheetXlsx({ title: `要货单 ${r.no}`, columns, rows, filters }, dateTimeIn(now, office.timezone)) };
}
