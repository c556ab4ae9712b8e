// What each receipt says, from data the receipts domain reads (electron/domains/receipts/): the
// cash receipt (收款收据) of a collection or a cash sale, the dispatch ticket (发货小票) with the
// slip's verification QR, the close-of-day summary (日结汇总), a count's differences (盘点差异) and the test page. Layouts only:
// nothing here reads the books or decides anything. A reprint says 补打 and its number.

import { fenToChineseCapital, formatFen } from '../../../shared/money';
import type { ReceiptBlock, ReceiptDoc, ReceiptWidth } from './doc';

const yuan = (fen: number) => formatFen(fen, { symbol: '￥' });

export interface ReceiptHead {
  officeName: string;
  /** 1 for the first print; 2 and up are reprints (补打) */
  printNo: number;
  /** when it is printed, office time (YYYY-MM-DD HH:mm) */
  printedAt: string;
  printedBy: string;
}

function header(h: ReceiptHead, title: string): ReceiptBlock[] {
  return [
    { t: 'text', text: h.officeName, align: 'center', bold: true },
    { t: 'text', text: title, align: 'center', big: true },
    ...(h.printNo > 1 ? [{ t: 'text', text: `补打(第${h.printNo}次打印)`, align: 'center', bold: true } as const] : []),
    { t: 'rule' },
  ];
}

function footer(h: ReceiptHead): ReceiptBlock[] {
  return [{ t: 'rule' }, { t: 'pair', left: `打印: ${h.printedBy}`, right: h.printedAt }, { t: 'feed', lines: 3 }, { t: 'cut' }];
}

export interface CashReceiptData {
  voucherNo: string;
  date: string;
  payer: string;
  /** 事由: 回款 or 销售 and the slip number */
  cause: string;
  account: string;
  amountFen: number;
  receivedBy: string;
  memo: string;
}

/** 收款收据: one receipt of money into an account (a collection, or a dispatch paid on the spot). */
export function cashReceiptDoc(width: ReceiptWidth, h: ReceiptHead, d: CashReceiptData): ReceiptDoc {
  return {
    width,
    blocks: [
      ...header(h, '收款收据'),
      { t: 'pair', left: '凭证号', right: d.voucherNo },
      { t: 'pair', left: '日期', right: d.date },
      { t: 'pair', left: '交款单位', right: d.payer },
      { t: 'pair', left: '事由', right: d.cause },
      { t: 'pair', left: '收款方式', right: d.account },
      ...(d.memo ? [{ t: 'pair', left: '备注', right: d.memo } as const] : []),
      { t: 'rule', char: '=' },
      { t: 'pair', left: '金额', right: yuan(d.amountFen), bold: true, big: true },
      { t: 'text', text: `大写: ${fenToChineseCapital(d.amountFen)}` },
      { t: 'pair', left: `收款人: ${d.receivedBy}`, right: '交款人签字:      ' },
      ...footer(h),
    ],
  };
}

export interface TicketLine {
  name: string;
  qty: number;
  unit: string;
  amountFen: number;
}

export interface DispatchTicketData {
  slipNo: string;
  date: string;
  customer: string;
  state: string;
  lines: TicketLine[];
  totalFen: number;
  /** the slip's QR payload, as on its PDF (documents/service.ts slipQrPayload) */
  qrPayload: string;
}

const TICKET_COLS: Record<ReceiptWidth, number[]> = { 32: [18, 6, 8], 48: [28, 8, 12] };

/** 发货小票: a small copy of a dispatch slip for the driver or the customer, with its verification QR. */
export function dispatchTicketDoc(width: ReceiptWidth, h: ReceiptHead, d: DispatchTicketData): ReceiptDoc {
  const widths = TICKET_COLS[width];
  const right = [false, true, true];
  const qty = d.lines.reduce((n, l) => n + l.qty, 0);
  return {
    width,
    blocks: [
      ...header(h, '发货小票'),
      { t: 'pair', left: '单号', right: d.slipNo, bold: true },
      { t: 'pair', left: '日期', right: d.date },
      { t: 'pair', left: '客户', right: d.customer },
      { t: 'pair', left: '状态', right: d.state },
      { t: 'rule' },
      { t: 'row', cells: ['品名', '数量', '金额'], widths, right, bold: true },
      ...d.lines.map((l): ReceiptBlock => ({ t: 'row', cells: [l.name, `${l.qty}${l.unit}`, formatFen(l.amountFen)], widths, right })),
      { t: 'rule' },
      { t: 'pair', left: `合计 ${qty}`, right: yuan(d.totalFen), bold: true },
      { t: 'qr', data: d.qrPayload },
      { t: 'text', text: '扫码核验单据', align: 'center' },
      { t: 'barcode', data: d.slipNo },
      ...footer(h),
    ],
  };
}

export interface DayCloseData {
  date: string;
  closedAt: string;
  closedBy: string;
  expectedCashFen: number;
  countedCashFen: number;
  differenceFen: number;
  result: 'even' | 'over' | 'short';
  channels: { name: string; expectedFen: number; confirmedFen: number }[];
  dispatchCount: number;
  salesFen: number;
  returnsCount: number;
  returnsFen: number;
  collectionsCount: number;
  collectionsFen: number;
  expensesCount: number;
  expensesFen: number;
  stockClosingFen: number;
  signers: string;
  reopened: boolean;
}

const RESULT_ZH = { even: '相符', over: '长款', short: '短款' } as const;

/** 日结汇总: the close of a day on one strip, for the daily summary meeting (日清日结). */
export function dayCloseDoc(width: ReceiptWidth, h: ReceiptHead, d: DayCloseData): ReceiptDoc {
  return {
    width,
    blocks: [
      ...header(h, '日结汇总'),
      ...(d.reopened ? [{ t: 'text', text: '已反日结(本次日结已失效)', align: 'center', bold: true } as const] : []),
      { t: 'pair', left: '营业日', right: d.date, bold: true },
      { t: 'pair', left: '日结时间', right: d.closedAt },
      { t: 'pair', left: '日结人', right: d.closedBy },
      { t: 'rule' },
      { t: 'pair', left: '现金应有', right: yuan(d.expectedCashFen) },
      { t: 'pair', left: '现金实点', right: yuan(d.countedCashFen) },
      { t: 'pair', left: `差额(${RESULT_ZH[d.result]})`, right: yuan(d.differenceFen), bold: true },
      ...d.channels.flatMap((c): ReceiptBlock[] => [
        { t: 'pair', left: `${c.name}应有`, right: yuan(c.expectedFen) },
        { t: 'pair', left: `${c.name}确认`, right: yuan(c.confirmedFen) },
      ]),
      { t: 'rule' },
      { t: 'pair', left: `发货 ${d.dispatchCount} 张`, right: yuan(d.salesFen) },
      { t: 'pair', left: `退货 ${d.returnsCount} 张`, right: yuan(d.returnsFen) },
      { t: 'pair', left: `回款 ${d.collectionsCount} 笔`, right: yuan(d.collectionsFen) },
      { t: 'pair', left: `费用 ${d.expensesCount} 笔`, right: yuan(d.expensesFen) },
      { t: 'pair', left: '库存金额(日末)', right: yuan(d.stockClosingFen) },
      { t: 'rule' },
      { t: 'text', text: `会签: ${d.signers}` },
      ...footer(h),
    ],
  };
}

export interface CountVarianceData {
  no: string;
  date: string;
  state: string;
  scope: string;
  lineCount: number;
  lines: { code: string; name: string; diffQty: number; diffFen: number | null; cause: string }[];
  gainQty: number;
  gainFen: number;
  lossQty: number;
  lossFen: number;
  approvedBy: string | null;
}

/** 盘点差异: a count's differences, line by line, with the gains and losses in FIFO value. */
export function countVarianceDoc(width: ReceiptWidth, h: ReceiptHead, d: CountVarianceData): ReceiptDoc {
  const fen = (f: number | null) => (f == null ? '—' : yuan(f));
  return {
    width,
    blocks: [
      ...header(h, '盘点差异'),
      { t: 'pair', left: '盘点单', right: d.no, bold: true },
      { t: 'pair', left: '日期', right: d.date },
      { t: 'pair', left: '状态', right: d.state },
      { t: 'text', text: `范围: ${d.scope} · ${d.lineCount} 种` },
      { t: 'rule' },
      ...(d.lines.length === 0 ? [{ t: 'text', text: '无差异', align: 'center' } as const] : []),
      ...d.lines.flatMap((l): ReceiptBlock[] => [
        { t: 'text', text: `${l.code} ${l.name}` },
        { t: 'pair', left: `  ${l.diffQty > 0 ? '+' : ''}${l.diffQty} ${l.cause}`, right: fen(l.diffFen) },
      ]),
      { t: 'rule' },
      { t: 'pair', left: `盘盈 ${d.gainQty}`, right: yuan(d.gainFen) },
      { t: 'pair', left: `盘亏 ${d.lossQty}`, right: yuan(d.lossFen), bold: true },
      ...(d.approvedBy ? [{ t: 'pair', left: '经理审批', right: d.approvedBy } as const] : []),
      ...footer(h),
    ],
  };
}

/** 测试页: what the printer and its paper width show, in both languages, with every style the receipts use. */
export function testPageDoc(width: ReceiptWidth, h: ReceiptHead, printer: { name: string; transport: string; address: string }): ReceiptDoc {
  return {
    width,
    blocks: [
      ...header(h, '打印测试'),
      { t: 'pair', left: '打印机 Printer', right: printer.name },
      { t: 'pair', left: '连接 Link', right: printer.transport },
      { t: 'text', text: printer.address },
      { t: 'pair', left: '纸宽 Width', right: `${width === 48 ? 80 : 58} mm / ${width} 列` },
      { t: 'text', text: '1234567890'.repeat(width / 8).slice(0, width) },
      { t: 'text', text: '中文每字占两列，金额用￥。' },
      { t: 'text', text: '加粗 Bold', bold: true },
      { t: 'text', text: '倍高倍宽', big: true },
      { t: 'text', text: '居右 Right', align: 'right' },
      { t: 'qr', data: 'BD-TEST' },
      { t: 'barcode', data: 'BD-TEST' },
      ...footer(h),
    ],
  };
}
