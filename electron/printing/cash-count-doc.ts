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
import { ROW, SIZE, THEAD, caption, cellFit, footer, headCells, infoRows, signRow, titleBand, type OfficeInfo, type SignBox } from './finance-form';

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
  } | null;
  /** the day's cash without the close's own 长款/短款 entry */
  cash: { openingFen: number; receiptsFen: number; paymentsFen: number; expectedFen: number };
  channels: { account: MoneyAccount; openingFen: number; receiptsFen: number; paymentsFen: number; expectedFen: number; confirmedFen: number | null }[];
  checks: { title: string; pass: boolean; note: string }[];
  /** why the day cannot be closed now, for a preview */
  blockers: string[];
  /** no close of its own, but locked by a later close (days before the first close ever) */
  lockedWithoutClose?: boolean;
}

export function buildCashCountDoc(d: CashCountData): { doc: Node; pages: number } {
  const page = PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const c = d.close;
  const tz = d.office.timezone;
  const content: Node[] = [];

  content.push(
    titleBand(W, {
      office: d.office.name,
      title: '现金盘点表',
      sub: `盘点日期: ${dateZh(d.date)}`,
      left: c
        ? [{ text: '已日结 · 已锁账' }, { text: `日结时间 ${localTime(c.closedAt, tz)}`, bold: false, color: COLOR.grey }]
        : d.lockedWithoutClose
          ? [{ text: '已锁账 · 无日结记录' }, { text: '首次日结之前的营业日', bold: false, color: COLOR.grey }]
          : [{ text: '未日结 · 预览', color: COLOR.red }, { text: '实点数由出纳手填', bold: false, color: COLOR.grey }],
      pageNo: 1,
      pageCount: 1,
    }),
  );
  const diffText = (fen: number | null) => (fen == null ? '' : fen === 0 ? '账实相符' : `${fen > 0 ? '长款' : '短款'} ${yuan(Math.abs(fen))}`);
  content.push(
    infoRows(W, [44, '*', 44, 110, 44, 110], [
      [
        ['办事处', d.office.name, true],
        ['业务日期', dateZh(d.date)],
        ['状态', c ? '已日结' : d.lockedWithoutClose ? '已锁账(无日结记录)' : '未日结'],
      ],
    ]),
  );

  // 1. the count by denomination
  const cBoxes = boxWidths(W, [70, '*', 30, '*', 30, '*']);
  const cBody: Node[][] = [headCells(['面额', '张(枚)数', '×', '面额(元)', '=', '金额(元)'], cBoxes)];
  for (const [fen, label] of DENOMINATION_LABELS) {
    const n = c ? (c.counts[fen] ?? 0) : null;
    cBody.push([
      cellFit(label, cBoxes[0], { align: 'center', bold: true }),
      cellFit(n == null ? '' : qty(n), cBoxes[1], { align: 'right' }),
      cellFit('×', cBoxes[2], { align: 'center', color: COLOR.grey }),
      cellFit(money(Number(fen)), cBoxes[3], { align: 'right' }),
      cellFit('=', cBoxes[4], { align: 'center', color: COLOR.grey }),
      cellFit(n == null ? '' : money(n * Number(fen)), cBoxes[5], { align: 'right' }),
    ]);
  }
  const pieces = c ? Object.values(c.counts).reduce((a, b) => a + b, 0) : null;
  cBody.push([
    cellFit('合  计', cBoxes[0], { align: 'center', bold: true }),
    cellFit(pieces == null ? '' : `${qty(pieces)} 张(枚)`, cBoxes[1], { align: 'right' }),
    {},
    {},
    {},
    cellFit(c ? yuan(c.countedFen) : '', cBoxes[5], { align: 'right', bold: true }),
  ]);
  const spanW = cBoxes.reduce((a, b) => a + b, 0) - 5;
  cBody.push([{ ...fit(`实点合计人民币(大写): ${c ? fenToChineseCapital(c.countedFen) : ''}`, spanW, { size: 9, bold: true }), colSpan: 6 }, {}, {}, {}, {}, {}]);
  content.push(caption('一、库存现金实点', W, '张数 × 面额 = 金额'));
  content.push(gridTable({ boxes: cBoxes, heights: cBody.map((_, i) => (i === 0 ? THEAD : ROW)), body: cBody }));

  // 2. book balance against the count
  const bBoxes = boxWidths(W, [80, '*', 80, '*', 80, '*']);
  const L = (t: string, i: number) => ({ ...cellFit(t, bBoxes[i], { size: 7.5, color: COLOR.grey }), fillColor: '#f2f2f2' });
  const V = (t: string, i: number, o: { bold?: boolean; color?: string } = {}) => cellFit(t, bBoxes[i], { align: 'right', ...o });
  const diffColor = c && c.differenceFen !== 0 ? COLOR.red : undefined;
  const wide = bBoxes.slice(1).reduce((a, b) => a + b, 0);
  const bBody: Node[][] = [
    [L('期初库存现金', 0), V(money(d.cash.openingFen), 1), L('本日现金收入', 2), V(money(d.cash.receiptsFen), 3), L('本日现金支出', 4), V(money(d.cash.paymentsFen), 5)],
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
      L('调账凭证', 0),
      V(c?.adjustmentVoucherNo ?? (c ? '—' : ''), 1),
      L('经理审批', 2),
      V(c ? (c.manager ? `已批准 · ${c.manager}` : c.differenceFen === 0 ? '无需' : '') : '', 3),
      L('计算', 4),
      V('期初 + 收入 − 支出 = 应存', 5, { color: COLOR.grey }),
    ],
  ];
  content.push(caption('二、账面余额与实点核对', W, '期初 + 本日收入 − 本日支出 = 账面应存'));
  content.push(gridTable({ boxes: bBoxes, heights: bBody.map(() => ROW), body: bBody }));

  // 3. non-cash channels
  const chBoxes = boxWidths(W, [70, '*', '*', '*', '*', '*', '*']);
  const chBody: Node[][] = [headCells(['渠道', '期初余额', '本日收入', '本日支出', '账面应有(净额)', '确认金额', '差额'], chBoxes)];
  for (const ch of d.channels) {
    const diff = ch.confirmedFen == null ? null : ch.confirmedFen - ch.expectedFen;
    chBody.push([
      cellFit(MONEY_ACCOUNT_ZH[ch.account], chBoxes[0], { align: 'center' }),
      cellFit(money(ch.openingFen), chBoxes[1], { align: 'right' }),
      cellFit(money(ch.receiptsFen), chBoxes[2], { align: 'right' }),
      cellFit(money(ch.paymentsFen), chBoxes[3], { align: 'right' }),
      cellFit(money(ch.expectedFen), chBoxes[4], { align: 'right', bold: true }),
      cellFit(ch.confirmedFen == null ? '' : money(ch.confirmedFen), chBoxes[5], { align: 'right', bold: true }),
      cellFit(diff == null ? '' : diff === 0 ? '相符' : money(diff), chBoxes[6], { align: 'right', color: diff ? COLOR.red : undefined }),
    ]);
  }
  content.push(caption('三、非现金渠道核对', W, '账面应有 = 本日收入 − 本日支出, 与对账单/收款记录核对'));
  content.push(gridTable({ boxes: chBoxes, heights: chBody.map((_, i) => (i === 0 ? THEAD : ROW)), body: chBody }));

  // 4. reconciliation checks
  const kBoxes = boxWidths(W, [30, '*', 150, 50]);
  const kBody: Node[][] = [headCells(['序号', '对账项目', '说明', '结果'], kBoxes)];
  d.checks.forEach((k, i) =>
    kBody.push([
      cellFit(String(i + 1), kBoxes[0], { align: 'center' }),
      cellFit(k.title, kBoxes[1]),
      cellFit(k.note, kBoxes[2], { color: COLOR.grey, size: 7.5 }),
      cellFit(k.pass ? '通过' : '未通过', kBoxes[3], { align: 'center', bold: true, color: k.pass ? undefined : COLOR.red }),
    ]),
  );
  content.push(caption('四、日结对账', W, d.blockers.length ? `暂不能日结: ${d.blockers.join('; ')}` : ''));
  content.push(gridTable({ boxes: kBoxes, heights: kBody.map((_, i) => (i === 0 ? THEAD : ROW)), body: kBody }));

  // 5. countersignatures
  const when = (role: string) => (c ? `${role} ${localTime(c.closedAt, tz)}` : undefined);
  const signs: SignBox[] = [
    { label: '出纳/财务主管 (盘点)', name: c?.finance, detail: when('财务主管') },
    { label: '统计员复核', name: c?.statistician, detail: when('统计员') },
    {
      label: '经理审批 (长短款)',
      name: c?.manager ?? (c ? '—' : undefined),
      detail: c?.manager ? when('经理') : c ? '账实相符, 无需审批' : undefined,
    },
  ];
  content.push(caption('五、签字', W, c ? `日结操作: ${c.closedBy}` : ''));
  content.push(signRow(W, signs.map((b) => (b.name && d.signatureImages?.[b.name] ? { ...b, image: d.signatureImages[b.name] } : b)), 44));
  content.push(gap(6));
  content.push(
    fit('说明: 现金实点须出纳与复核人当面清点; 长款、短款当日入账并写明原因, 经理审批后方可日结; 日结后当日账簿锁定。', W, {
      size: 7,
      color: COLOR.grey,
    }),
  );
  content.push(footer(W, d.office, `现金盘点表 · ${d.date}`, 1, 1, null));

  const doc: Node = {
    pageSize: page.pageSize,
    pageOrientation: page.pageOrientation,
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: `现金盘点表 ${d.date}`, author: d.office.name, subject: '现金盘点表', creator: 'Branch Desk 办事处仓财台' },
    defaultStyle: { font: 'NotoSC', fontSize: SIZE, lineHeight: 1, color: COLOR.ink },
    content,
  };
  if (!c && !d.lockedWithoutClose) doc.watermark = { text: '未日结', color: COLOR.red, opacity: 0.13, bold: true, fontSize: 150 };
  return { doc, pages: 1 };
}
