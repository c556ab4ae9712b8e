// 要货单 (a requisition to HQ) on paper: A4 portrait; the title band with the state, the office and
// No. YH…; the requisition's facts beside a QR of its number and content hash (what the manager's
// signature covers, so HQ can compare the paper with an XLSX or a later copy); the lines (a table
// whose head repeats on each page); the total; the signed boxes 制表 / 经理 / 总部确认. Pure: data in,
// pdfmake definition out (requisitions/files.ts gathers it).

import type { Requisition } from '../../shared/contract';
import { COLOR, MARGIN, PAGE, fit, ruled, type Node } from './layout';
import { docDefinition } from './blocks';
import { SIZE, cellFit, footer, infoRows, titleBand, type OfficeInfo } from './finance-form';
import { matrixPng, qrMatrix } from './qr-image';
import { signRow } from './signatures';
import { dateIn, dateTimeIn } from '../../shared/time';

export interface RequisitionPaperData {
  office: OfficeInfo;
  requisition: Requisition;
  stateZh: string;
  /** when printed (the footer), null: a preview */
  at: string | null;
}

const QR = 64;
const HEADS = ['行', '商品编码', '品名', '规格', '单位', '要货数量', '预计到货', '已到货', '未到货'];
const SPEC: (number | '*')[] = [22, 70, '*', 80, 32, 52, 58, 44, 44];

function widths(W: number): number[] {
  const fixed = SPEC.filter((x): x is number => x !== '*').reduce((a, b) => a + b, 0);
  const pad = SPEC.length * 6 + 2;
  return SPEC.map((x) => (x === '*' ? W - fixed - pad : x));
}

function linesTable(r: Requisition, W: number): Node {
  const w = widths(W);
  const head = HEADS.map((h, i) => ({ ...cellFit(h, w[i] + 5, { bold: true, size: 7.5, align: 'center' }), fillColor: COLOR.fill }));
  const right = { align: 'right' as const };
  const body = r.lines.map((l) => [
    cellFit(String(l.lineNo), w[0] + 5, { align: 'center' }),
    cellFit(l.itemCode, w[1] + 5),
    cellFit(l.itemName, w[2] + 5),
    cellFit(l.spec, w[3] + 5, { size: 7.5 }),
    cellFit(l.unit, w[4] + 5, { align: 'center' }),
    cellFit(String(l.qty), w[5] + 5, { ...right, bold: true }),
    cellFit(l.expectedDate, w[6] + 5, { align: 'center' }),
    cellFit(String(l.received), w[7] + 5, right),
    cellFit(String(l.outstanding), w[8] + 5, { ...right, color: l.late ? COLOR.red : undefined }),
  ]);
  const total = [
    { ...cellFit(`合计 ${r.lines.length} 种`, w[0] + w[1] + w[2] + w[3] + w[4] + 25, { bold: true, align: 'center' }), colSpan: 5 },
    {},
    {},
    {},
    {},
    cellFit(String(r.totalQty), w[5] + 5, { ...right, bold: true }),
    { text: '' },
    cellFit(String(r.received), w[7] + 5, right),
    cellFit(String(r.outstanding), w[8] + 5, right),
  ];
  return { table: { headerRows: 1, widths: w, body: [head, ...body, total] }, layout: ruled({ outer: 0.9 }), margin: [0, 4, 0, 0] };
}

export function buildRequisitionDoc(d: RequisitionPaperData): Node {
  const page = PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const r = d.requisition;
  const tz = d.office.timezone;
  const qr = `data:image/png;base64,${matrixPng(qrMatrix(`${r.no}|${r.contentHash ?? 'unsigned'}`)).toString('base64')}`;
  const facts = infoRows(
    W - QR - 8,
    [44, '*', 44, '*'],
    [
      [
        ['日期', r.businessDate],
        ['状态', d.stateZh, true],
      ],
      [
        ['要货方', d.office.name],
        ['供货方', '营销中心总部'],
      ],
      [
        ['制单', `${r.createdBy.name} ${dateIn(r.createdAt, tz)}`],
        ['签发', r.signedBy && r.signedAt ? `${r.signedBy.name} ${dateIn(r.signedAt, tz)}` : '未签发'],
      ],
      [
        ['备注', r.memo || '—'],
        ['内容摘要', r.contentHash ? r.contentHash.slice(0, 16) : '—'],
      ],
    ],
  );
  const content: Node[] = [
    titleBand(W, { office: d.office.name, title: '要货单', sub: `No. ${r.no}`, left: [{ text: d.stateZh }], pageNo: 1, pageCount: 1 }),
    {
      columns: [
        { width: W - QR - 8, stack: [facts] },
        { width: QR, stack: [{ image: qr, fit: [QR, QR] }, fit('扫码核对', QR, { size: 6, color: COLOR.grey, align: 'center' })] },
      ],
      columnGap: 8,
    },
    linesTable(r, W),
    signRow(
      W,
      [
        { label: '制表', name: r.createdBy.name },
        { label: '经理', name: r.signedBy?.name, detail: r.signedAt ? dateTimeIn(r.signedAt, tz) : undefined },
        { label: '总部确认' },
      ],
      40,
    ),
    footer(W, d.office, `要货单 ${r.no}`, 1, 1, d.at),
  ];
  return docDefinition(page, { title: `要货单 ${r.no}`, author: d.office.name, subject: '日常要货订单' }, SIZE, content);
}
