// 日结, the cash side: expected cash (opening + receipts − payments), the count sheet by
// denomination (typed, or a closed day's), the counted total and the difference; and the line
// that says the day is closed, by whom.

import type { RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { Grid } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';
import { fen } from './common';
import { countRowsOf, type CountRow, type Counts, type Preview, type Rec } from './dayClose';

export function DiffText({ fen: f }: { fen: number }) {
  const { t } = useI18n();
  if (f === 0)
    return (
      <span className="check-pass num">
        {fen(0)} {t('dc.even')}
      </span>
    );
  return (
    <span className={`num ${f > 0 ? 'diff-over' : 'diff-short'}`}>
      {f > 0 ? '+' : ''}
      {fen(f)} {f > 0 ? t('dc.over') : t('dc.short')}
    </span>
  );
}

export function ClosedBox({ rec }: { rec: Rec | null }) {
  const { t } = useI18n();
  return (
    <div className="locked-box">
      {t('dc.closed')}
      {rec
        ? ' · ' +
          t('dc.closedBy', {
            date: rec.date,
            at: formatDateTime(rec.closedAt),
            finance: rec.finance.name,
            stat: rec.statistician.name,
            mgr: rec.manager ? t('dc.closedMgr', { name: rec.manager.name }) : '',
          })
        : ''}
    </div>
  );
}

interface CashProps {
  pv: Preview;
  rec: Rec | null;
  /** the sheet being typed (kept across renders: a new array would disturb an open editor) */
  rows: CountRow[];
  countedFen: number;
  diffFen: number;
  columns: ColDef<CountRow>[];
  grid: RefObject<AgGridReact<CountRow> | null>;
  onCount(denom: keyof Counts, n: number): void;
}

export function CashPanel({ pv, rec, rows, countedFen, diffFen, columns, grid, onCount }: CashProps) {
  const { t } = useI18n();
  const closed = pv.closed && rec ? rec : null;
  return (
    <div className="fin-panel">
      <h2>{t('dc.cashTitle')}</h2>
      <div className="fin-kv">
        <span>{t('dc.opening')}</span>
        <span className="num">{fen(pv.cash.openingFen)}</span>
        <span>+ {t('dc.receipts')}</span>
        <span className="num">{fen(pv.cash.receiptsFen)}</span>
        <span>− {t('dc.payments')}</span>
        <span className="num">{fen(pv.cash.paymentsFen)}</span>
        <b>= {t('dc.expected')}</b>
        <b className="num">{fen(pv.cash.expectedFen)}</b>
      </div>
      <h2>{t('dc.countTitle')}</h2>
      <Grid<CountRow>
        ref={grid}
        height={330}
        rowData={closed ? countRowsOf(closed.counts) : rows}
        columnDefs={columns}
        getRowId={(x) => x.data.denom}
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        pinnedBottomRowData={[{ denom: 'total', count: null, amountFen: closed ? closed.countedCashFen : countedFen }]}
        onCellValueChanged={(e) => {
          const d = e.data?.denom;
          if (!d || d === 'total') return;
          // the count column's valueParser has read it (a refused text keeps the old count)
          if (typeof e.newValue === 'number') onCount(d, e.newValue);
        }}
      />
      <div className="fin-kv">
        <span>{t('dc.counted')}</span>
        <b className="num">{fen(closed ? closed.countedCashFen : countedFen)}</b>
        <span>{t('dc.diff')}</span>
        <DiffText fen={closed ? closed.differenceFen : diffFen} />
      </div>
    </div>
  );
}
