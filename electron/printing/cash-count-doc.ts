// 现金盘点表: the cash count sheet of a business day (日结). Pure: data in, pdfmake definition out
// (documents.ts gathers it from the close record, or from the preview for a day still open).
//
// One A4 portrait page: the count by denomination (张数 × 面额 = 金额) with the total in figures
// and 大写; the book balance (opening + receipts − payments = expected) against the count, the
// 长款/短款 and its reason; each non-cash channel's expected vs confirmed; the reconciliation
// checks; the countersignatures of the close. A day not closed yet carries a 未日结 watermark and
// leaves the count blank for the pen.

import { MONEY_ACCOUNT_ZH, type MoneyAccount } from '../../shared/contract';
import { fenToChineseCapital } from '../../shared/money';
import { dateZh, localTime, money, qty, yuan } from './format';
import { COLOR, MARGIN, PAGE, boxWidths, fit, gap, type Node } from './layout';
import { gridTable } from './grid';
import { docDefinition, headedHeights, wordsCells } from './blocks';
import { signRow, withSignatureImages, type SignBox } from './signatures';
import { ROW, SIZE, THEAD, caption, cellFit, footer, headCells, infoRows, titleBand, type OfficeInfo } from './finance-form';

/** The denominations as counted, largest first (fen → label). */
export const DENOMINATION_LABELS: [fen: string, label: string][] = [
  ['10000', '100元'],
  ['5000', '50元'],
  ['2000', '20元'],
  ['1000', '10元'],
  ['500', '5元'],
  ['100', '1元'],
  ['50', '5角'],
  ['10', '1角'],
];

export interface CashCountData {
  office: OfficeInfo;
  /** user name → signature image (PNG data URL), drawn in that signer's boxes */
  signatureImages?: Record<string, string>;
  date: string;
  /** null: the day is still open (a preview) */
  close: {
    closedAt: string;
    closedBy: string;
    finance: string;
    statistician: string;
    manager: string | null;
    counts: Record<string, number>;
    countedFen: number;
    differenceFen: number;
    reason: string;
    adjustmentVoucherNo: string | null;
    /** the audit chain's head as the close signed it (ledger/anchors.ts); null for a close before 0018 */
    anchor: { auditSeq: number; auditHash: string; signature: string } | null;
  } | null;
  /** the day's cash without the close's own 长款/短款 entry */
  cash: { openingFen: number; receiptsFen: number; paymentsFen: number; expectedFen: number };
  channels: { account: MoneyAccount; openingFen: number; receiptsFen: number; paymentsFen: number; expectedFen: number; confirmedFen: number | null }[];
  checks: { title: string; pass: boolean; note: string }[];
  /** why the day cannot be closed now, for a preview */
  blockers: string[];
  /** no close of its own, but locked by a later close (days before the first close ever) */
  lockedWithoutClose?: boolean;
  /** refunds made by the day that finance had not paid (待付退款): not in the expected cash, carried over */
  pendingRefunds?: { count: number; amountFen: number; slipNos: string[] };
}

type Close = NonNullable<CashCountData['close']>;

export function buildCashCountDoc(d: CashCountData): { doc: Node; pages: number } {
  const page = PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const content: Node[] = [
    cashTitle(d, W),
    cashInfo(d, W),
    ...countSection(d.close, W),
    ...bookSection(d, W),
    ...channelSection(d, W),
    ...checkSection(d, W),
    ...pendingRefundsLine(d, W),
    ...signSection(d, W),
    ...anchorLine(d.close, W),
    gap(6),
    fit('说明: 现金实点须出纳与复核人当面清点; 长款、短款当日入账并写明原因, 经理审批后方可日结; 日结后当日账簿锁定。', W, {
      size: 7,
      color: COLOR.grey,
    }),
    footer(W, d.office, `现金盘点表 · ${d.date}`, 1, 1, null),
  ];
  const doc = docDefinition(page, { title: `现金盘点表 ${d.date}`, author: d.office.name, subject: '现金盘点表' }, SIZE, content);
  if (!d.close && !d.lockedWithoutClose) doc.watermark = { text: '未日结', color: COLOR.red, opacity: 0.13, bold: true, fontSize: 150 };
  return { doc, pages: 1 };
}

/** The short form of the close's audit anchor: row, head hash and signature, enough to compare with `desk verify`. */
function anchorShortForm(a: { auditSeq: number; auditHash: string; signature: string }): string {
  return `审计锚点 #${a.auditSeq} · ${a.auditHash.slice(0, 12)}… · 签名 ${Buffer.from(a.signature, 'base64').toString('hex').slice(0, 8)}…`;
}

function anchorLine(c: CashCountData['close'], W: number): Node[] {
  if (!c?.anchor) return [];
  return [gap(4), fit(`${anchorShortForm(c.anchor)}  (日结时以办事处密钥签名的审计链链头)`, W, { size: 7.5, color: COLOR.grey })];
}

/** 待付退款: a warning line, in red, when refunds wait for finance (they are not in 应存). */
function pendingRefundsLine(d: CashCountData, W: number): Node[] {
  const f = d.pendingRefunds;
  if (!f || f.count === 0) return [];
  const nos = f.slipNos.length > 6 ? `${f.slipNos.slice(0, 6).join('、')} 等` : f.slipNos.join('、');
  return [
    gap(4),
    fit(`待付退款 ${f.count} 笔, 共 ${yuan(f.amountFen)}(${nos}): 未经财务确认付款, 不计入应存现金, 结转次日。`, W, { size: 8, color: COLOR.red }),
  ];
}

/** The title band, its left marks saying whether the day is closed. */
function cashTitle(d: CashCountData, W: number): Node {
  const c = d.close;
  return titleBand(W, {
    office: d.office.name,
    title: '现金盘点表',
    sub: `盘点日期: ${dateZh(d.date)}`,
    left: c
      ? [{ text: '已日结 · 已锁账' }, { text: `日结时间 ${localTime(c.closedAt, d.office.timezone)}`, bold: false, color: COLOR.grey }]
      : d.lockedWithoutClose
        ? [{ text: '已锁账 · 无日结记录' }, { text: '首次日结之前的营业日', bold: false, color: COLOR.grey }]
        : [
            { text: '未日结 · 预览', color: COLOR.red },
            { text: '实点数由出纳手填', bold: false, color: COLOR.grey },
          ],
    pageNo: 1,
    pageCount: 1,
  });
}

function cashInfo(d: CashCountData, W: number): Node {
  return infoRows(
    W,
    [44, '*', 44, 110, 44, 110],
    [
      [
        ['办事处', d.office.name, true],
        ['业务日期', dateZh(d.date)],
        ['状态', d.close ? '已日结' : d.lockedWithoutClose ? '已锁账(无日结记录)' : '未日结'],
      ],
    ],
  );
}

/** 1. The count by denomination (张数 × 面额 = 金额), its total and 大写; blank for an open day. */
function countSection(c: CashCountData['close'], W: number): Node[] {
  const boxes = boxWidths(W, [70, '*', 30, '*', 30, '*']);
  const body: Node[][] = [headCells(['面额', '张(枚)数', '×', '面额(元)', '=', '金额(元)'], boxes)];
  for (const [fen, label] of DENOMINATION_LABELS) {
    const n = c ? (c.counts[fen] ?? 0) : null;
    body.push([
      cellFit(label, boxes[0], { align: 'center', bold: true }),
      cellFit(n == null ? '' : qty(n), boxes[1], { align: 'right' }),
      cellFit('×', boxes[2], { align: 'center', color: COLOR.grey }),
      cellFit(money(Number(fen)), boxes[3], { align: 'right' }),
      cellFit('=', boxes[4], { align: 'center', color: COLOR.grey }),
      cellFit(n == null ? '' : money(n * Number(fen)), boxes[5], { align: 'right' }),
    ]);
  }
  const pieces = c ? Object.values(c.counts).reduce((a, b) => a + b, 0) : null;
  body.push([
    cellFit('合  计', boxes[0], { align: 'center', bold: true }),
    cellFit(pieces == null ? '' : `${qty(pieces)} 张(枚)`, boxes[1], { align: 'right' }),
    {},
    {},
    {},
    cellFit(c ? yuan(c.countedFen) : '', boxes[5], { align: 'right', bold: true }),
  ]);
  body.push(wordsCells(`实点合计人民币(大写): ${c ? fenToChineseCapital(c.countedFen) : ''}`, boxes, 5));
  return [caption('一、库存现金实点', W, '张数 × 面额 = 金额'), gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body })];
}

const diffText = (fen: number | null) => (fen == null ? '' : fen === 0 ? '账实相符' : `${fen > 0 ? '长款' : '短款'} ${yuan(Math.abs(fen))}`);

/** 2. The book balance (期初 + 收入 − 支出 = 应存) against the count, the difference and its reason. */
function bookSection(d: CashCountData, W: number): Node[] {
  const c = d.close;
  const boxes = boxWidths(W, [80, '*', 80, '*', 80, '*']);
  const L = (t: string, i: number) => ({ ...cellFit(t, boxes[i], { size: 7.5, color: COLOR.grey }), fillColor: '#f2f2f2' });
  const V = (t: string, i: number, o: { bold?: boolean; color?: string } = {}) => cellFit(t, boxes[i], { align: 'right', ...o });
  const diffColor = c && c.differenceFen !== 0 ? COLOR.red : undefined;
  const wide = boxes.slice(1).reduce((a, b) => a + b, 0);
  const body: Node[][] = [
    [
      L('期初库存现金', 0),
      V(money(d.cash.openingFen), 1),
      L('本日现金收入', 2),
      V(money(d.cash.receiptsFen), 3),
      L('本日现金支出', 4),
      V(money(d.cash.paymentsFen), 5),
    ],
    [
      L('账面应存', 0),
      V(yuan(d.cash.expectedFen), 1, { bold: true }),
      L('实点金额', 2),
      V(c ? yuan(c.countedFen) : '', 3, { bold: true }),
      L('长款(+)/短款(-)', 4),
      V(c ? diffText(c.differenceFen) : '', 5, { bold: true, color: diffColor }),
    ],
    [L('差额原因', 0), { ...cellFit(c ? c.reason || '—' : '', wide), colSpan: 5 }, {}, {}, {}, {}],
    [
      L('转待处理财产损溢', 0),
      V(c?.adjustmentVoucherNo ?? (c ? '—' : ''), 1),
      L('经理审批', 2),
      V(c ? (c.manager ? `已批准 · ${c.manager}` : c.differenceFen === 0 ? '无需' : '') : '', 3),
      L('计算', 4),
      V('期初 + 收入 − 支出 = 应存', 5, { color: COLOR.grey }),
    ],
  ];
  return [caption('二、账面余额与实点核对', W, '期初 + 本日收入 − 本日支出 = 账面应存'), gridTable({ boxes, heights: body.map(() => ROW), body })];
}

/** 3. Each non-cash channel: what the books expect against what was confirmed. */
function channelSection(d: CashCountData, W: number): Node[] {
  const boxes = boxWidths(W, [70, '*', '*', '*', '*', '*', '*']);
  const body: Node[][] = [headCells(['渠道', '期初余额', '本日收入', '本日支出', '账面应有(净额)', '确认金额', '差额'], boxes)];
  for (const ch of d.channels) {
    const diff = ch.confirmedFen == null ? null : ch.confirmedFen - ch.expectedFen;
    body.push([
      cellFit(MONEY_ACCOUNT_ZH[ch.account], boxes[0], { align: 'center' }),
      cellFit(money(ch.openingFen), boxes[1], { align: 'right' }),
      cellFit(money(ch.receiptsFen), boxes[2], { align: 'right' }),
      cellFit(money(ch.paymentsFen), boxes[3], { align: 'right' }),
      cellFit(money(ch.expectedFen), boxes[4], { align: 'right', bold: true }),
      cellFit(ch.confirmedFen == null ? '' : money(ch.confirmedFen), boxes[5], { align: 'right', bold: true }),
      cellFit(diff == null ? '' : diff === 0 ? '相符' : money(diff), boxes[6], { align: 'right', color: diff ? COLOR.red : undefined }),
    ]);
  }
  return [
    caption('三、非现金渠道核对', W, '账面应有 = 本日收入 − 本日支出, 与对账单/收款记录核对'),
    gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body }),
  ];
}

/** 4. The reconciliation checks of the close, and why the day cannot be closed yet. */
function checkSection(d: CashCountData, W: number): Node[] {
  const boxes = boxWidths(W, [30, '*', 150, 50]);
  const body: Node[][] = [headCells(['序号', '对账项目', '说明', '结果'], boxes)];
  d.checks.forEach((k, i) =>
    body.push([
      cellFit(String(i + 1), boxes[0], { align: 'center' }),
      cellFit(k.title, boxes[1]),
      cellFit(k.note, boxes[2], { color: COLOR.grey, size: 7.5 }),
      cellFit(k.pass ? '通过' : '未通过', boxes[3], { align: 'center', bold: true, color: k.pass ? undefined : COLOR.red }),
    ]),
  );
  return [
    caption('四、日结对账', W, d.blockers.length ? `暂不能日结: ${d.blockers.join('; ')}` : ''),
    gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body }),
  ];
}

/** 5. The countersignatures of the close: who counted, who checked, who approved a difference. */
function signSection(d: CashCountData, W: number): Node[] {
  const c = d.close;
  return [
    caption('五、签字', W, c ? `日结操作: ${c.closedBy}` : ''),
    signRow(W, withSignatureImages(closeSigners(c, d.office.timezone), d.signatureImages), 44),
  ];
}

function closeSigners(c: Close | null, tz: string): SignBox[] {
  const when = (role: string) => (c ? `${role} ${localTime(c.closedAt, tz)}` : undefined);
  return [
    { label: '出纳/财务主管 (盘点)', name: c?.finance, detail: when('财务主管') },
    { label: '统计员复核', name: c?.statistician, detail: when('统计员') },
    {
      label: '经理审批 (长短款)',
      name: c?.manager ?? (c ? '—' : undefined),
      detail: c?.manager ? when('经理') : c ? '账实相符, 无需审批' : undefined,
    },
  ];
}
