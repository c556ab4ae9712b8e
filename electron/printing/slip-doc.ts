// The printed slips: 发货单 (dispatch), 进仓单 (inbound), 退货单 (return), 红字冲销单 (reversal) and
// 期初入库单 (opening: the opening stock at go-live, signed by the manager); 报损单 and 退回总部单
// (adjust-paper.ts: goods out at FIFO cost, signed by the manager).
// Pure: data in, a pdfmake document definition out (documents.ts gathers the data).
//
// Every page is a complete form of the same height: header with the office, title, number and
// the QR; the party; the lines in fixed rows (承前页 / 过次页 running subtotals across pages, blank
// rows to fill the last page); totals with 合计人民币大写; the memo; the signature boxes; a
// footer with the copy (联) and page X/Y of that copy. Each copy is printed as its own set of
// pages. A dispatch or return the manager has not signed carries a diagonal 未签发 watermark.

import { PAYMENT_MODE_ZH, SLIP_KIND_ZH, isAdjustmentKind, shownUnitCostFen, type Slip, type SlipLine, type PaperSize } from '../../shared/contract';
import { adjustmentColumns, adjustmentInfo, adjustmentSignBoxes } from './adjust-paper';
import { ROLE_ZH, type Role } from '../../shared/roles';
import { docDefinition } from './blocks';
import type { Pair } from './finance-form';
import { dateZh, localTime, money, qty } from './format';
import { COLOR, MARGIN, PAGE, RULE, boxWidths, planPages, type Node, type PageSpec } from './layout';
import { qrPngDataUrl } from './qr-image';
import { withSignatureImages, type SignBox } from './signatures';
import { FOOT, HEAD, ROW, SIGN, SIZE, THEAD, paperFen, slipPage, type Col, type SlipForm } from './slip-page';

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

function columns(slip: Slip): Col[] {
  if (isAdjustmentKind(slip.kind)) return adjustmentColumns(slip);
  const costed = (l: SlipLine) => l.unitCostFen != null || l.amountEntered;
  const byCost = slip.kind === 'inbound' || slip.kind === 'opening';
  const unitOf = (l: SlipLine) => (byCost || (slip.kind === 'reversal' && costed(l)) ? shownUnitCostFen(l) : l.priceFen);
  const unitTitle = byCost || (slip.kind === 'reversal' && slip.lines.some(costed)) ? '单位成本' : '单价';
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
  // a return the keeper received with defective goods: 品质 says 次品 on those lines
  if (slip.lines.some((l) => l.defective)) cols.push({ title: '品质', width: 28, align: 'center', cell: (l) => (l.defective ? '次品' : '') });
  cols.push(
    { title: `${unitTitle}(元)`, width: 50, align: 'right', cell: (l) => (unitOf(l) == null ? '' : money(unitOf(l)!)) },
    { title: '金额(元)', width: 68, align: 'right', cell: (l, s) => money(s * paperFen(l.amountFen)) },
  );
  return cols;
}

function infoPairs(d: SlipDocData): [Pair[], Pair[]] {
  const { slip, party, source } = d;
  const p = party ?? { name: '', contact: '', phone: '', address: '' };
  const date = dateZh(slip.businessDate);
  const pay = slip.paymentMode ? PAYMENT_MODE_ZH[slip.paymentMode] : '';
  switch (slip.kind) {
    case 'dispatch':
      return [
        [
          ['客户', p.name, true],
          ['联系人', p.contact],
          ['日期', date],
        ],
        [
          ['地址', p.address],
          ['电话', p.phone],
          ['结算方式', pay],
        ],
      ];
    case 'inbound':
      return [
        [
          ['供应商', p.name, true],
          ['随货同行联号', slip.deliveryNoteNo ?? ''],
          ['日期', date],
        ],
        [
          ['地址', p.address],
          ['联系人', [p.contact, p.phone].filter(Boolean).join(' ')],
          ['品种', `${slip.lines.length} 种`],
        ],
      ];
    case 'return':
      return [
        [
          ['客户', p.name, true],
          // goods sold before go-live come back with no dispatch in the desk: the paper says so
          slip.preGoLive ? ['退货类别', '无原单退货(上线前销售)'] : ['原发货单', slip.sourceSlipNo ?? ''],
          ['日期', date],
        ],
        [
          ['地址', p.address],
          ['电话', p.phone],
          ['退款方式', pay],
        ],
      ];
    case 'reversal':
      return [
        [
          ['冲销原单', source ? `${SLIP_KIND_ZH[source.kind]} ${source.no}` : (slip.sourceSlipNo ?? ''), true],
          [slip.customerName ? '客户' : '供应商', p.name],
          ['日期', date],
        ],
        [
          ['冲销原因', slip.reason ?? ''],
          [slip.deliveryNoteNo ? '随货同行联号' : '结算方式', slip.deliveryNoteNo ?? pay],
          ['原单日期', source ? dateZh(source.businessDate) : ''],
        ],
      ];
    case 'opening':
      return [
        [
          ['摘要', '期初建账 · 期初库存', true],
          ['日期', date],
        ],
        [
          ['品种', `${slip.lines.length} 种`],
          ['状态', slip.reversedBy ? `已冲销 ${slip.reversedBy.no}` : '已入账'],
        ],
      ];
    case 'count':
    case 'repair':
      return [
        [
          ['摘要', `${slip.kind === 'count' ? '盘点调整' : '维修 次品转良品'} ${slip.memo}`, true],
          ['日期', date],
        ],
        [
          ['品种', `${slip.lines.length} 种`],
          ['状态', slip.reversedBy ? `已冲销 ${slip.reversedBy.no}` : '已过账'],
        ],
      ];
    case 'writeoff':
    case 'hqReturn':
      return adjustmentInfo(slip, p, date);
  }
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
        signed('经理审核', 'manager'),
        signed('财务', 'finance'),
        { label: '仓管' },
      ];
    case 'opening':
      return [made, signed('经理签字', 'manager')];
    case 'count':
      return [made, signed('经理审批', 'manager')];
    case 'repair':
      return [made, keeper('仓管')];
    case 'writeoff':
    case 'hqReturn':
      return adjustmentSignBoxes(slip, made, signed('经理审核', 'manager'), keeper('仓管出库'));
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

/** What every page is laid out from: the paper, the columns, the party and signature blocks. */
function slipForm(d: SlipDocData): SlipForm {
  const { slip } = d;
  const page = paperSpec(d.paper);
  const W = page.width - MARGIN.left - MARGIN.right;
  const sign = slip.kind === 'reversal' ? -1 : 1;
  const cols = columns(slip);
  return {
    d,
    page,
    W,
    sign,
    red: sign < 0 ? COLOR.red : undefined,
    cols,
    boxes: boxWidths(
      W,
      cols.map((c) => c.width),
    ),
    qtyCol: cols.findIndex((c) => c.title.endsWith('数量')),
    rows: rowsPerPage(d.paper),
    kindZh: SLIP_KIND_ZH[slip.kind],
    watermark: slipWatermark(slip),
    info: infoPairs(d),
    signs: withSignatureImages(signBoxes(d), d.signatureImages),
  };
}

export function buildSlipDoc(d: SlipDocData): { doc: Node; pages: number } {
  const f = slipForm(d);
  const { slip, office } = d;
  const plan = planPages(slip.lines.length, (p) => f.rows - (p > 0 ? 1 : 0), 2);
  // each copy is its own set of pages
  const content = d.copies.flatMap((copy, ci) => plan.map((_, p) => slipPage(f, copy, plan, p, ci === 0 && p === 0)));
  const doc = docDefinition(f.page, { title: `${f.kindZh} ${slip.no}`, author: office.name, subject: f.kindZh }, SIZE, content);
  doc.images = { qr: qrPngDataUrl(d.qrPayload, 'M').dataUrl };
  const { watermark } = f;
  if (watermark) doc.watermark = { text: watermark.text, color: watermark.color, opacity: 0.13, bold: true, fontSize: d.paper === 'A4' ? 150 : 110 };
  return { doc, pages: plan.length * d.copies.length };
}
