// Parts of the customer ledger: the ledger / statement tabs (toolbar), the filter bar (period, the
// statement's print buttons, the statement's figures) and the slips still open under the statement.

import { useMemo } from 'react';
import { Grid } from '../../components/grid';
import { useI18n } from '../../i18n';
import { ExportButton } from '../../components/ExportButton';
import { PrintButtons } from '../../printing/PrintButtons';
import { fen, PeriodFields } from './common';
import { openSlipColumns, type LedgerView, type OpenSlip, type Statement } from './customerLedger';

export function ViewTabs(p: { view: LedgerView; onView(v: LedgerView): void }) {
  const { t } = useI18n();
  return (
    <span className="acct-tabs">
      <button type="button" className={`btn ${p.view === 'ledger' ? 'on' : ''}`} onClick={() => p.onView('ledger')}>
        {t('cu.ledger')}
      </button>
      <button type="button" className={`btn ${p.view === 'statement' ? 'on' : ''}`} onClick={() => p.onView('statement')}>
        {t('cu.statement')}
      </button>
    </span>
  );
}

interface FilterProps {
  customerId: number;
  from: string;
  to: string;
  onFrom(d: string): void;
  onTo(d: string): void;
  /** the statement, when it is the one shown */
  statement: Statement | null;
}

export function LedgerFilters({ customerId, from, to, onFrom, onTo, statement }: FilterProps) {
  return (
    <div className="filter-bar">
      <PeriodFields from={from} to={to} onFrom={onFrom} onTo={onTo} />
      {/* 客户对账单 for the period (a finance paper: previewed and printed, not logged) */}
      {from && to ? <PrintButtons target={{ doc: 'statement', customerId, from, to }} unlogged /> : null}
      <ExportButton query={() => ({ grid: 'receivables', filters: { customerId, from: from || undefined, to: to || undefined } })} />
      {statement ? <StatementFigures st={statement} /> : null}
    </div>
  );
}

/** 期初 · 本期销售 · 本期回款 · 本期退货冲减 · 期末 */
function StatementFigures({ st }: { st: Statement }) {
  const { t } = useI18n();
  const figs: [string, number][] = [
    [t('jr.opening'), st.openingFen],
    [t('cu.sales'), st.salesFen],
    [t('cu.collections'), st.collectionsFen],
    [t('cu.creditNotes'), st.creditNotesFen],
  ];
  return (
    <span className="fin-figs">
      {figs.map(([label, f]) => (
        <span key={label}>
          {label} {fen(f)}
        </span>
      ))}
      <span>
        <b>
          {t('jr.closing')} {fen(st.closingFen)}
        </b>
      </span>
    </span>
  );
}

/** 尚未结清的单据 (and the prepayment, if any) under the statement. */
export function OpenSlips({ st }: { st: Statement }) {
  const { t } = useI18n();
  const cols = useMemo(() => openSlipColumns(t), [t]);
  return (
    <>
      <div className="subhead">
        {t('cu.stillOpen')} {st.prepaymentFen ? `· ${t('ag.prepaid')} ${fen(st.prepaymentFen)}` : ''}
      </div>
      <Grid<OpenSlip> className="grid-half" height={180} rowData={st.openSlips} columnDefs={cols} getRowId={(x) => String(x.data.entryId)} />
    </>
  );
}
