// The grids export.grid writes: each reads its rows with the same repo function as the grid's own
// read method (stock.card, slips.list, cash.journal, receivables.ledger), all of them at once
// instead of a page, and lays them out in the columns of shared/grids.ts — with the rows the
// screen shows around them (期初 / 本月合计 / 期末 …). Amounts stay in fen here (sheetXlsx writes yuan).

import type { GridExportInput, JournalRow, ReceivableRow, SalesLedgerRow, SlipSummary } from '../../../shared/contract';
import { MAX_EXPORT_ROWS, MONEY_ACCOUNT_ZH, PAYMENT_MODE_ZH, SLIP_KIND_ZH } from '../../../shared/contract';
import { DeskError, SLIP_STATE_ZH } from '../../../shared/errors';
import { fieldLabel } from '../../../shared/fieldLabels';
import {
  CASH_JOURNAL_COLUMNS,
  GRID_TITLE,
  RECEIVABLES_COLUMNS,
  SALES_LEDGER_COLUMNS,
  SLIPS_COLUMNS,
  STOCK_CARD_COLUMNS,
  type GridColumn,
} from '../../../shared/grids';
import { ROLE_ZH } from '../../../shared/roles';
import type { SheetCell } from '../../../shared/sheets';
import { dateTimeIn } from '../../../shared/time';
import type { ReadableDB } from '../../store/db';
import { entriesOf, unitOf, type Entry } from '../../printing/stock-card-entries';
import { journal } from '../cash/repo';
import { getItem } from '../items/repo';
import { customerRef } from '../receivables/repo';
import { ledger } from '../receivables/views';
import { listSlips } from '../slips/repo';
import { fullStockCard } from '../stock/card';
import { requirePeriod } from '../stock/rules';
import { requireCustomerInReach, slipReachSql, type Reader } from '../reads/scope';
import { shownSummary } from '../slips/scope';
import { ledgerRowOf, saleLines, saleTotals } from '../reports/sales';
import { requireReportPeriod } from '../reports/rules';

export interface GridSheet {
  title: string;
  columns: { header: string; format: GridColumn['format'] }[];
  rows: SheetCell[][];
  filters: { label: string; value: string }[];
}

export interface GridEnv {
  db: ReadableDB;
  /** the office's timezone (times on the sheet) and the calendar date (a stock card's 期末 when no `to`) */
  timezone: string;
  today: string;
  /** who exports: the grid obeys the same read scope as its read method (保密制度) */
  reader: Reader;
}

type Cells<C extends readonly GridColumn[], R> = { [K in C[number]['key']]: (r: R) => SheetCell };

/** The rows in the columns' order, each cell by its column's key. */
function laidOut<C extends readonly GridColumn[], R>(columns: C, cells: Cells<C, R>, rows: readonly R[]): SheetCell[][] {
  const get = columns.map((c) => (cells as Record<string, (r: R) => SheetCell>)[c.key]);
  return rows.map((r) => get.map((f) => f(r)));
}

const headers = (columns: readonly GridColumn[]) => columns.map((c) => ({ header: c.zh, format: c.format }));

/** The filters that were given, as 说明 lists them: the field's own label (shared/fieldLabels.ts) and the value as the desk says it. */
function filterLines(values: Record<string, string | number | undefined>): GridSheet['filters'] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([key, v]) => ({ label: fieldLabel('export.grid', ['filters', key])?.zh ?? key, value: String(v) }));
}

/** Refused whole rather than cut short: a sheet that silently stops is worse than none. */
function requireFits(total: number): void {
  if (total > MAX_EXPORT_ROWS)
    throw new DeskError('invalid_input', {
      summary_zh: `共 ${total} 行, 超过一次导出的上限 ${MAX_EXPORT_ROWS} 行, 请缩小筛选范围`,
      summary_en: `${total} rows: more than the ${MAX_EXPORT_ROWS} one export writes; narrow the filters`,
    });
}

// ------------------------------------------------------------------ 库存明细账

const cardCells: Cells<typeof STOCK_CARD_COLUMNS, Entry> = {
  date: (e) => e.date,
  slipNo: (e) => e.slipNo,
  summary: (e) => e.summary,
  inQty: (e) => e.inQty,
  inUnitFen: (e) => e.inUnit,
  inAmountFen: (e) => e.inAmount,
  outQty: (e) => e.outQty,
  outUnitFen: (e) => e.outUnit,
  outAmountFen: (e) => e.outAmount,
  balanceQty: (e) => e.balance?.qty ?? null,
  balanceUnitFen: (e) => (e.balance ? unitOf(e.balance) : null),
  balanceAmountFen: (e) => e.balance?.amountFen ?? null,
};

type Filters<G extends GridExportInput['grid']> = Extract<GridExportInput, { grid: G }>['filters'];

function stockCardSheet(env: GridEnv, f: Filters<'stockCard'>): GridSheet {
  requirePeriod(f.from, f.to);
  const item = getItem(env.db, f.itemId);
  const card = fullStockCard(env.db, f.itemId, f.from, f.to);
  requireFits(card.rows.length);
  // the same rows as the printed card: 期初结存, each row, 本月合计 / 本年累计, 本期合计, 期末结存
  const { entries } = entriesOf({ ...card, from: f.from ?? null, to: f.to ?? env.today });
  return {
    title: GRID_TITLE.stockCard[0],
    columns: headers(STOCK_CARD_COLUMNS),
    rows: laidOut(STOCK_CARD_COLUMNS, cardCells, entries),
    filters: filterLines({ itemId: `${item.code} ${item.name}`, from: f.from, to: f.to }),
  };
}

// ------------------------------------------------------------------ 单据查询

/** A reversal (红字) counts negative, as the list shows it. */
const signOf = (s: SlipSummary) => (s.kind === 'reversal' ? -1 : 1);

const slipCells = (timezone: string): Cells<typeof SLIPS_COLUMNS, SlipSummary> => ({
  no: (s) => s.no,
  businessDate: (s) => s.businessDate,
  kind: (s) => SLIP_KIND_ZH[s.kind],
  state: (s) => SLIP_STATE_ZH[s.state] ?? s.state,
  party: (s) => s.customerName ?? s.supplierName ?? '',
  deliveryNoteNo: (s) => s.deliveryNoteNo,
  sourceSlipNo: (s) => s.sourceSlipNo,
  paymentMode: (s) => (s.paymentMode ? PAYMENT_MODE_ZH[s.paymentMode] : ''),
  signatures: (s) => (s.state === 'draft' && s.missingSignatures.length ? `待${s.missingSignatures.map((r) => ROLE_ZH[r]).join('、')}签字` : ''),
  lineCount: (s) => s.lineCount,
  totalQty: (s) => s.totalQty * signOf(s),
  totalAmountFen: (s) => (s.totalAmountFen == null ? null : s.totalAmountFen * signOf(s)),
  postedAt: (s) => (s.postedAt ? dateTimeIn(s.postedAt, timezone) : ''),
  reversedBy: (s) => s.reversedBy?.no ?? '',
  carrier: (s) => s.carrier?.name ?? '',
});

function slipsSheet(env: GridEnv, f: Filters<'slips'>): GridSheet {
  const { rows: all, total } = listSlips(env.db, { ...f, limit: MAX_EXPORT_ROWS + 1, offset: 0, reachSql: slipReachSql(env.reader) });
  requireFits(total);
  const rows = all.map((r) => shownSummary(r, env.reader.scope));
  const customer = f.customerId ? customerRef(env.db, f.customerId).name : undefined;
  // who sees no prices gets no 金额 column, as on the screen
  const columns: readonly (typeof SLIPS_COLUMNS)[number][] = env.reader.scope.seesPrices
    ? SLIPS_COLUMNS
    : SLIPS_COLUMNS.filter((c) => c.key !== 'totalAmountFen');
  return {
    title: GRID_TITLE.slips[0],
    columns: headers(columns),
    rows: laidOut<typeof columns, SlipSummary>(columns, slipCells(env.timezone), rows),
    filters: filterLines({
      kind: f.kind && SLIP_KIND_ZH[f.kind],
      state: f.state && SLIP_STATE_ZH[f.state],
      from: f.from,
      to: f.to,
      customerId: customer,
      query: f.query,
    }),
  };
}

// ------------------------------------------------------------------ 现金日记账 (and the channels' journals)

/** A journal or ledger row, or one of the rows the screen pins around them (期初余额, 本期合计, 期末余额). */
type Pinned<R> = Partial<R> & { label?: string };

const journalCells: Cells<typeof CASH_JOURNAL_COLUMNS, Pinned<JournalRow>> = {
  date: (r) => r.date ?? '',
  voucherNo: (r) => r.voucherNo ?? '',
  summary: (r) => r.label ?? [r.summary, r.memo ? ` · ${r.memo}` : '', r.reversedById ? ' (已红冲)' : ''].join(''),
  contra: (r) => r.contra?.label ?? '',
  receiptFen: (r) => r.receiptFen ?? null,
  paymentFen: (r) => r.paymentFen ?? null,
  balanceFen: (r) => r.balanceFen ?? null,
  user: (r) => r.user?.name ?? '',
};

function cashJournalSheet(env: GridEnv, f: Filters<'cashJournal'>): GridSheet {
  const j = journal(env.db, { ...f, limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  requireFits(j.total);
  const rows: Pinned<JournalRow>[] = [
    { label: '期初余额', date: j.from ?? '', balanceFen: j.openingFen },
    ...j.rows,
    { label: '本期合计', receiptFen: j.receiptsFen, paymentFen: j.paymentsFen },
    { label: '期末余额', date: j.to ?? '', balanceFen: j.closingFen },
  ];
  return {
    title: f.account === 'cash' ? GRID_TITLE.cashJournal[0] : `${MONEY_ACCOUNT_ZH[f.account]}日记账`,
    columns: headers(CASH_JOURNAL_COLUMNS),
    rows: laidOut(CASH_JOURNAL_COLUMNS, journalCells, rows),
    filters: filterLines({ account: MONEY_ACCOUNT_ZH[f.account], from: f.from, to: f.to, query: f.query, cause: f.cause, contraKind: f.contraKind }),
  };
}

// ------------------------------------------------------------------ 应收明细账

const ledgerCells: Cells<typeof RECEIVABLES_COLUMNS, Pinned<ReceivableRow>> = {
  date: (r) => r.date ?? '',
  docNo: (r) => r.docNo ?? '',
  summary: (r) => r.label ?? r.summary ?? '',
  debitFen: (r) => r.debitFen ?? null,
  creditFen: (r) => r.creditFen ?? null,
  balanceFen: (r) => r.balanceFen ?? null,
  override: (r) => r.overrideBy?.name ?? '',
  user: (r) => r.user?.name ?? '',
};

function receivablesSheet(env: GridEnv, f: Filters<'receivables'>): GridSheet {
  requireCustomerInReach(env.db, env.reader, f.customerId);
  const l = ledger(env.db, { ...f, limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  requireFits(l.total);
  const rows: Pinned<ReceivableRow>[] = [
    { label: '期初余额', date: f.from ?? '', balanceFen: l.openingFen },
    ...l.rows,
    { label: '期末余额', date: f.to ?? '', balanceFen: l.closingFen },
  ];
  return {
    title: GRID_TITLE.receivables[0],
    columns: headers(RECEIVABLES_COLUMNS),
    rows: laidOut(RECEIVABLES_COLUMNS, ledgerCells, rows),
    filters: filterLines({ customerId: `${l.customer.code} ${l.customer.name}`, from: f.from, to: f.to }),
  };
}

// ------------------------------------------------------------------ 销售收入明细账

const SALE_KIND_ZH = { dispatch: '销售', return: '退货', reversal: '红字冲销' } as const;

const saleCells: Cells<typeof SALES_LEDGER_COLUMNS, Pinned<SalesLedgerRow>> = {
  date: (r) => r.date ?? '',
  slipNo: (r) => r.label ?? r.slipNo ?? '',
  kind: (r) => (r.kind ? SALE_KIND_ZH[r.kind] : ''),
  customer: (r) => r.customer ?? '',
  itemCode: (r) => r.itemCode ?? '',
  itemName: (r) => r.itemName ?? '',
  unit: (r) => r.unit ?? '',
  qty: (r) => r.qty ?? null,
  priceFen: (r) => r.priceFen ?? null,
  amountFen: (r) => r.amountFen ?? null,
  costFen: (r) => r.costFen ?? null,
};

/** Every line of the period (not the page on screen) in posting order, then 合计; 成本 for who sees costs. */
function salesLedgerSheet(env: GridEnv, f: Filters<'salesLedger'>): GridSheet {
  requireReportPeriod(f.from, f.to);
  const costs = env.reader.scope.seesCosts;
  const t = saleTotals(env.db, env.reader, f);
  requireFits(t.n);
  const rows: Pinned<SalesLedgerRow>[] = [
    ...saleLines(env.db, env.reader, f).map((l) => ledgerRowOf(l, costs)),
    { label: '合计', qty: t.qty, amountFen: t.amount, costFen: costs ? t.cost : null },
  ];
  const columns: readonly (typeof SALES_LEDGER_COLUMNS)[number][] = costs ? SALES_LEDGER_COLUMNS : SALES_LEDGER_COLUMNS.filter((c) => c.key !== 'costFen');
  return {
    title: GRID_TITLE.salesLedger[0],
    columns: headers(columns),
    rows: laidOut<typeof columns, Pinned<SalesLedgerRow>>(columns, saleCells, rows),
    filters: filterLines({ from: f.from, to: f.to, customerId: f.customerId ? customerRef(env.db, f.customerId).name : undefined }),
  };
}

/** The sheet of a grid with its filters (the caller has checked the read method's access). */
export function gridSheet(env: GridEnv, input: GridExportInput): GridSheet {
  switch (input.grid) {
    case 'stockCard':
      return stockCardSheet(env, input.filters);
    case 'slips':
      return slipsSheet(env, input.filters);
    case 'cashJournal':
      return cashJournalSheet(env, input.filters);
    case 'receivables':
      return receivablesSheet(env, input.filters);
    case 'salesLedger':
      return salesLedgerSheet(env, input.filters);
  }
}
