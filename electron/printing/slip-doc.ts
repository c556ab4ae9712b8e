// The printed slips: 发货单 (dispatch), 进仓单 (inbound), 退货单 (return) and 红字冲销单 (reversal).
// Pure: data in, a pdfmake document definition out (documents.ts gathers the data).
//
// Every page is a complete form of the same height: header with the office, title, number and
// the QR; the party; the lines in fixed rows (承前页 / 过次页 running subtotals across pages, blank
// rows to fill the last page); totals with 合计人民币大写; the memo; the signature boxes; a
// footer with the copy (联) and page X/Y of that copy. Each copy is printed as its own set of
// pages. A dispatch or return the manager has not signed carries a diagonal 未签发 watermark.

import { PAYMENT_MODE_ZH, SLIP_KIND_ZH, type Slip, type SlipLine, type PaperSize } from '../../shared/contract';
import { fenToChineseCapital } from '../../shared/money';
import { ROLE_ZH, type Role } from '../../shared/roles';
import { qrPngDataUrl } from './qr-image';
import { infoRows } from './finance-form';
import { signCell } from './signatures';
import { dateZh, localTime, money, qty, yuan } from './format';
import { COLOR, MARGIN, NO_LINES, PAGE, PAD, RULE, boxWidths, fit, innerWidths, planPages, ruled, type Node, type PageSpec } from './layout';
import { gridTable } from './grid';

export interface Party {
  name: string;
  contact: string;
  phone: string;
  address: string;
}

export interface SlipDocData {
  office: { name: string; shortName: string; timezone: string };
  slip: Slip;
  /** customer (dispatch, return, reversal of those) or supplier (inbound, its reversal) */
  party: Party | null;
  /** for a reversal: the slip it reverses */
  source: { no: string; kind: Slip['kind']; businessDate: string } | null;
  paper: PaperSize;
  copies: string[];
  qrPayload: string;
  /** null for a preview */
  print: { printNo: number; printedAt: string; printedBy: string } | null;
  /** user name → signature image (PNG data URL), drawn in that signer's boxes */
  signatureImages?: Record<string, string>;
}

const ROW = 14; // a line row, pt
const HEAD = 66; // the header band: the QR with its quiet zone
const SIGN = 36; // the signature boxes
const THEAD = 16; // the table's column titles
const FOOT = 10;
const SIZE = 8.5;

interface Col {
  title: string;
  width: number | '*';
  align: 'left' | 'center' | 'right';
  cell(l: SlipLine, sign: number): string;
}

function paperSpec(paper: PaperSize): PageSpec {
  return paper === 'A4' ? PAGE.A4P : PAGE.A5L;
}


/** The watermark a slip carries, if any. */
export function slipWatermark(slip: Slip): { text: string; color: string } | null {
  if (slip.state === 'void') return { text: '作废', color: '#555555' };
  if (slip.reversedBy) return { text: '已冲销', color: COLOR.red };
  if (slip.requiredSignatures.includes('manager') && slip.missingSignatures.includes('manager')) return { text: '未签发', color: COLOR.red };
  return null;
}

function stateLine(slip: Slip): string {
  if (slip.state === 'void') return '已作废';
  if (slip.reversedBy) return `已红字冲销 ${slip.reversedBy.no}`;
  if (slip.kind === 'reversal') return '已过账(红字)';
  if (slip.state === 'posted') return slip.kind === 'inbound' || slip.kind === 'return' ? '已过账 · 已入库' : '已过账 · 已出库';
  const missing = slip.missingSignatures;
  if (missing.includes('manager')) return '草稿 · 未签发';
  if (missing.length) return `草稿 · 待${missing.map((r) => ROLE_ZH[r]).join('、')}签字`;
  return slip.requiredSignatures.length ? '草稿 · 已签发 待过账' : '草稿 · 待过账';
}

function columns(slip: Slip): Col[] {
  const unitOf = (l: SlipLine) => (slip.kind === 'inbound' || (slip.kind === 'reversal' && l.unitCostFen != null) ? l.unitCostFen : l.priceFen);
  const unitTitle = slip.kind === 'inbound' || (slip.kind === 'reversal' && slip.lines.some((l) => l.unitCostFen != null)) ? '单位成本' : '单价';
  const cols: Col[] = [
    { title: '序号', width: 20, align: 'center', cell: (l) => String(l.lineNo) },
    { title: '编码', width: 54, align: 'left', cell: (l) => l.itemCode },
    { title: '名称', width: '*', align: 'left', cell: (l) => l.itemName },
    { title: '规格', width: 80, align: 'left', cell: (l) => l.spec },
    { title: '单位', width: 28, align: 'center', cell: (l) => l.unit },
    { title: slip.kind === 'return' ? '退货数量' : '数量', width: 40, align: 'right', cell: (l, s) => qty(s * l.qty) },
  ];
  const short = slip.state === 'posted' && slip.lines.some((l) => l.shippedQty != null && l.shippedQty !== l.qty);
  if (short) cols.push({ title: slip.kind === 'return' ? '实收' : '实发', width: 32, align: 'right', cell: (l, s) => qty(s * (l.shippedQty ?? l.qty)) });
  cols.push(
    { title: `${unitTitle}(元)`, width: 50, align: 'right', cell: (l) => (unitOf(l) == null ? '' : money(unitOf(l)!)) },
    { title: '金额(元)', width: 68, align: 'right', cell: (l, s) => money(s * l.amountFen) },
  );
  return cols;
}

type Pair = [label: string, value: string, bold?: boolean];

function infoPairs(d: SlipDocData): [Pair[], Pair[]] {
  const { slip, party, source } = d;
  const p = party ?? { name: '', contact: '', phone: '', address: '' };
  const date = dateZh(slip.businessDate);
  const pay = slip.paymentMode ? PAYMENT_MODE_ZH[slip.paymentMode] : '';
  switch (slip.kind) {
    case 'dispatch':
      return [
        [['客户', p.name, true], ['联系人', p.contact], ['日期', date]],
        [['地址', p.address], ['电话', p.phone], ['结算方式', pay]],
      ];
    case 'inbound':
      return [
        [['供应商', p.name, true], ['随货同行联号', slip.deliveryNoteNo ?? ''], ['日期', date]],
        [['地址', p.address], ['联系人', [p.contact, p.phone].filter(Boolean).join(' ')], ['品种', `${slip.lines.length} 种`]],
      ];
    case 'return':
      return [
        [['客户', p.name, true], ['原发货单', slip.sourceSlipNo ?? ''], ['日期', date]],
        [['地址', p.address], ['电话', p.phone], ['退款方式', pay]],
      ];
    case 'reversal':
      return [
        [['冲销原单', source ? `${SLIP_KIND_ZH[source.kind]} ${source.no}` : (slip.sourceSlipNo ?? ''), true], [slip.customerName ? '客户' : '供应商', p.name], ['日期', date]],
        [['冲销原因', slip.reason ?? ''], [slip.deliveryNoteNo ? '随货同行联号' : '结算方式', slip.deliveryNoteNo ?? pay], ['原单日期', source ? dateZh(source.businessDate) : '']],
      ];
  }
}

interface SignBox {
  label: string;
  name?: string;
  detail?: string;
  image?: string;
}

function signBoxes(d: SlipDocData): SignBox[] {
  const { slip, office } = d;
  const t = (iso: string) => localTime(iso, office.timezone);
  const sig = (role: Role): SignBox | null => {
    const s = slip.signatures.find((x) => x.role === role);
    if (!s) return null;
    return { label: '', name: s.userName, detail: `${ROLE_ZH[role]} ${t(s.signedAt)}${s.valid ? '' : ' (已失效)'}` };
  };
  const made: SignBox = { label: '制单', name: slip.createdBy.name, detail: t(slip.createdAt) };
  const keeper = (label: string): SignBox =>
    slip.postedBy && slip.kind !== 'reversal' ? { label, name: slip.postedBy.name, detail: `${ROLE_ZH.keeper} ${t(slip.postedAt!)}` } : { label };
  const signed = (label: string, role: Role): SignBox => ({ ...(sig(role) ?? {}), label });
  switch (slip.kind) {
    case 'dispatch':
      return [made, signed('经理签发', 'manager'), signed('财务', 'finance'), keeper('仓管/发货'), { label: '收货人签字' }];
    case 'inbound':
      return [made, keeper('仓管收货'), { label: '送货人' }, { label: '财务' }];
    case 'return':
      return [made, signed('经理签发', 'manager'), keeper('仓管收货'), { label: '财务' }, { label: '客户签字' }];
    case 'reversal':
      return [
        { label: '冲销人', name: slip.createdBy.name, detail: t(slip.createdAt) },
        { label: '经理审核' },
        { label: '财务' },
        { label: '仓管' },
      ];
  }
}

/** How many table rows (lines, 承前页, 过次页, totals) a page of this paper holds. */
export function rowsPerPage(paper: PaperSize): number {
  const page = paperSpec(paper);
  const avail = page.height - MARGIN.top - MARGIN.bottom;
  // header band, info (2 rows and their rules), table head, memo row, signatures, footer, the gaps between, slack
  const fixed = HEAD + 3 + 2 * ROW + 2 * RULE + 4 + THEAD + ROW + 4 + SIGN + 3 + FOOT + 3;
  return Math.floor((avail - fixed) / ROW);
}

export function buildSlipDoc(d: SlipDocData): { doc: Node; pages: number } {
  const { slip, office } = d;
  const page = paperSpec(d.paper);
  const W = page.width - MARGIN.left - MARGIN.right;
  const sign = slip.kind === 'reversal' ? -1 : 1;
  const red = sign < 0 ? COLOR.red : undefined;
  const cols = columns(slip);
  const boxes = boxWidths(W, cols.map((c) => c.width));
  const nCols = cols.length;
  const qtyCol = cols.findIndex((c) => c.title.endsWith('数量'));
  const amountCol = nCols - 1;
  const R = rowsPerPage(d.paper);
  const plan = planPages(slip.lines.length, (p) => R - (p > 0 ? 1 : 0), 2);
  const watermark = slipWatermark(slip);
  const kindZh = SLIP_KIND_ZH[slip.kind];
  const content: Node[] = [];

  type Opts = { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; size?: number; minSize?: number };
  const spanWidth = (from: number, to: number) => boxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 2 * PAD.x;
  const cellText = (text: string, ci: number, o: Opts = {}) =>
    fit(text, spanWidth(ci, ci), { size: o.size ?? SIZE, bold: o.bold, color: o.color, align: o.align ?? cols[ci].align, minSize: o.minSize });
  const spanText = (text: string, from: number, to: number, o: Opts = {}) => ({
    ...fit(text, spanWidth(from, to), { size: SIZE, ...o }),
    colSpan: to - from + 1,
  });
  const filler = (n: number) => Array.from({ length: n }, () => ({}));

  /** A row that sums lines: label over the columns before the quantity, then quantity and amount. */
  const sumRow = (label: string, q: number, amount: number, withYuan: boolean): Node[] => {
    const row: Node[] = [spanText(label, 0, qtyCol - 1, { bold: true, align: 'center' }), ...filler(qtyCol - 1)];
    row.push(cellText(qty(sign * q), qtyCol, { bold: true, color: red }));
    for (let c = qtyCol + 1; c < amountCol; c++) row.push({ text: '' });
    row.push(cellText(withYuan ? yuan(sign * amount) : money(sign * amount), amountCol, { bold: true, color: red }));
    return row;
  };

  const info = infoPairs(d);
  // pdfmake writes layout results into the nodes it lays out: each page gets a fresh one.
  const infoTable = (): Node => infoRows(W, [44, '*', 50, 118, 44, 92], info);

  const signs = signBoxes(d).map((b) => (b.name && d.signatureImages?.[b.name] ? { ...b, image: d.signatureImages[b.name] } : b));
  const signW = boxWidths(W, signs.map(() => '*' as const));
  const signTable = (): Node => ({
    ...gridTable({
      boxes: signW,
      heights: [SIGN],
      pad: { x: 3, top: 1.5, bottom: 0 },
      body: [
        signs.map((b, i) => signCell(b, signW[i], SIGN)),
      ],
    }),
    margin: [0, 4, 0, 0],
  });

  const memoRow = (): Node[] => [
    spanText(`备注: ${slip.memo || ''}`, 0, nCols - 1, { size: 8, color: slip.memo ? COLOR.ink : COLOR.grey }),
    ...filler(nCols - 1),
  ];

  const header = (copy: string, pageNo: number, pageCount: number): Node => {
    const side = 136;
    const left: Node[] = [
      {
        table: { widths: [innerWidths(side - 10, ['*'], 3)[0]], body: [[fit(copy, side - 18, { size: 9.5, bold: true, align: 'center' })]] },
        layout: { ...ruled({ outer: 0.9 }), paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 1, paddingBottom: () => 0.5 },
        margin: [0, 2, 10, 3],
      },
      fit(stateLine(slip), side - 4, { size: 8, bold: true, color: watermark && watermark.text !== '作废' ? COLOR.red : COLOR.ink }),
    ];
    if (d.print && d.print.printNo > 1) left.push(fit(`补打(第${d.print.printNo}次打印)`, side - 4, { size: 8, bold: true, color: COLOR.red }));
    if (!d.print) left.push(fit('预览 · 非正式打印', side - 4, { size: 7, color: COLOR.grey }));
    const centerW = W - 2 * side;
    const center: Node[] = [
      fit(office.name, centerW, { size: 11.5, bold: true, align: 'center' }),
      {
        text: kindZh.split('').join(' '),
        fontSize: kindZh.length > 3 ? 16 : 18,
        bold: true,
        alignment: 'center',
        decoration: 'underline',
        decorationStyle: 'double',
        color: sign < 0 ? COLOR.red : COLOR.ink,
        lineHeight: 1.1,
      },
      { text: `No. ${slip.no}`, fontSize: 9.5, bold: true, alignment: 'center', color: COLOR.red, margin: [0, 1, 0, 0] },
    ];
    const right: Node = {
      stack: [
        { text: '扫码核验', fontSize: 6.5, color: COLOR.grey, alignment: 'right', margin: [0, 46, HEAD, 0] },
        { text: `第 ${pageNo}/${pageCount} 页`, fontSize: 6.5, color: COLOR.grey, alignment: 'right', margin: [0, 0, HEAD, 0] },
      ],
    };
    return {
      stack: [
        // the QR (with its quiet zone) is placed absolutely, so its box never changes the band's height
        { image: 'qr', width: HEAD, height: HEAD, absolutePosition: { x: page.width - MARGIN.right - HEAD + 4, y: MARGIN.top - 4 } },
        { table: { widths: [side, centerW, side], heights: HEAD, body: [[{ stack: left }, { stack: center }, right]] }, layout: NO_LINES },
      ],
    };
  };

  const footer = (copy: string, pageNo: number, pageCount: number): Node => {
    const who = d.print
      ? `打印: ${d.print.printedBy} ${localTime(d.print.printedAt, office.timezone)}${d.print.printNo > 1 ? ` · 补打(第${d.print.printNo}次打印)` : ''}`
      : '预览, 未登记打印';
    return {
      table: {
        widths: innerWidths(W, ['*', 150, '*'], 0, 0, 0),
        heights: FOOT,
        body: [
          [
            fit(who, (W - 150) / 2, { size: 6.5, color: COLOR.grey }),
            fit(`${kindZh} ${slip.no} · ${copy}`, 150, { size: 6.5, color: COLOR.grey, align: 'center' }),
            fit(`第 ${pageNo}/${pageCount} 页`, (W - 150) / 2, { size: 6.5, color: COLOR.grey, align: 'right' }),
          ],
        ],
      },
      layout: NO_LINES,
      margin: [0, 3, 0, 0],
    };
  };

  let first = true;
  for (const copy of d.copies) {
    let start = 0;
    let carriedQty = 0;
    let carriedAmount = 0;
    plan.forEach((n, p) => {
      const last = p === plan.length - 1;
      const body: Node[][] = [cols.map((c, ci) => ({ ...cellText(c.title, ci, { bold: true, size: 7.5, align: 'center' }), fillColor: COLOR.fill }))];
      if (p > 0) body.push(sumRow('承 前 页', carriedQty, carriedAmount, false));
      for (const l of slip.lines.slice(start, start + n)) {
        body.push(cols.map((c, ci) => cellText(c.cell(l, sign), ci, { color: red && ci >= qtyCol ? red : undefined })));
        carriedQty += l.qty;
        carriedAmount += l.amountFen;
      }
      start += n;
      const used = (p > 0 ? 1 : 0) + n + (last ? 2 : 1);
      for (let i = used; i < R; i++) body.push(cols.map(() => ({ text: '' })));
      if (!last) body.push(sumRow('过 次 页', carriedQty, carriedAmount, false));
      else {
        body.push(sumRow('合    计', slip.totalQty, slip.totalAmountFen, true));
        const words = `合计人民币(大写): ${fenToChineseCapital(sign * slip.totalAmountFen)}`;
        const pay = slip.paymentMode && slip.kind !== 'inbound' ? `${slip.kind === 'return' ? '退款方式' : '结算方式'}: ${PAYMENT_MODE_ZH[slip.paymentMode]}` : '';
        body.push([
          spanText(words, 0, qtyCol - 1, { bold: true, size: 9, color: red }),
          ...filler(qtyCol - 1),
          spanText(pay, qtyCol, nCols - 1, { size: 8, align: 'right' }),
          ...filler(nCols - 1 - qtyCol),
        ]);
      }
      body.push(memoRow());
      content.push({
        stack: [
          header(copy, p + 1, plan.length),
          infoTable(),
          gridTable({ boxes, heights: body.map((_, i) => (i === 0 ? THEAD : ROW)), body }),
          signTable(),
          footer(copy, p + 1, plan.length),
        ],
        ...(first ? {} : { pageBreak: 'before' }),
      });
      first = false;
    });
  }

  const doc: Node = {
    pageSize: page.pageSize,
    pageOrientation: page.pageOrientation,
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: `${kindZh} ${slip.no}`, author: office.name, subject: kindZh, creator: 'Branch Desk 办事处仓财台' },
    defaultStyle: { font: 'NotoSC', fontSize: SIZE, lineHeight: 1, color: COLOR.ink },
    content,
    images: { qr: qrPngDataUrl(d.qrPayload, 'M').dataUrl },
  };
  if (watermark)
    doc.watermark = { text: watermark.text, color: watermark.color, opacity: 0.13, bold: true, fontSize: d.paper === 'A4' ? 150 : 110 };
  return { doc, pages: plan.length * d.copies.length };
}
