// One customer's receivables: the ledger (应收明细账) or the statement (对账单) for a period, and a
// collection (回款, F2) into an account, oldest slips first or allocated by hand.
// Keys: F2 回款 · F6 ledger / statement · F5 refresh · Esc back to the aging.

import { useMemo, useState } from 'react';
import { Grid } from '../../components/grid';
import { today } from '../../i18n/clock';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CollectDialog } from './CollectDialog';
import { fen, financeChanged } from './common';
import { ledgerColumns, monthStart, pinnedRows, type LedgerView, type VRow } from './customerLedger';
import { LedgerFilters, OpenSlips, ViewTabs } from './CustomerLedgerParts';
import { useCustomerLedger } from './useCustomerLedger';

export function CustomerLedgerScreen({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const session = useSession();
  const [view, setView] = useState<LedgerView>('ledger');
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const { ledger, st, error, load } = useCustomerLedger(customerId, from, to);
  const [collecting, setCollecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canCollect = session.can('receivables.collect');

  useHotkeys({
    Escape: () => navigate('/aging'),
    F5: () => void load(),
    F6: () => setView((v) => (v === 'ledger' ? 'statement' : 'ledger')),
    ...(canCollect ? { F2: () => setCollecting(true) } : {}),
  });

  const cols = useMemo(() => ledgerColumns(t), [t]);
  const src = view === 'ledger' ? ledger : st;
  const rows: VRow[] = (src?.rows ?? []).map((r) => ({ ...r, key: String(r.id) }));
  const pinned = pinnedRows(t, { view, src, st, from, to });
  const cust = ledger?.customer ?? st?.customer;
  const statement = view === 'statement' ? st : null;
  return (
    <div className="screen-col">
      <Toolbar
        title={`${t(view === 'ledger' ? 'cu.ledger' : 'cu.statement')} · ${cust ? `${cust.code} ${cust.name}` : ''}`}
        sub={cust && ledger ? t('cu.sub', { limit: fen(cust.creditLimitFen), bal: fen(ledger.closingFen) }) : undefined}
      >
        <ViewTabs view={view} onView={setView} />
        {canCollect ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setCollecting(true)}>
            {t('cu.collect')}
          </Btn>
        ) : null}
        <Btn hotkey="Esc" onClick={() => navigate('/aging')}>
          {t('cu.back')}
        </Btn>
      </Toolbar>
      <LedgerFilters customerId={customerId} from={from} to={to} onFrom={setFrom} onTo={setTo} statement={statement} />
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<VRow>
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => x.data.key}
          defaultColDef={{ sortable: false }}
          getRowClass={(x) => (x.data?.label ? 'row-opening' : x.data?.reversesId ? 'neg-amount' : '')}
          pinnedTopRowData={pinned.top}
          pinnedBottomRowData={pinned.bottom}
        />
      </div>
      {statement ? <OpenSlips st={statement} /> : null}
      <KeyHints
        items={[
          ...(canCollect ? ([['F2', t('cu.collect')]] as [string, string][]) : []),
          ['F6', `${t('cu.ledger')} / ${t('cu.statement')}`],
          ['F5', t('keys.refresh')],
          ['Esc', t('cu.back')],
        ]}
      />
      {collecting && cust ? (
        <CollectDialog
          customerId={customerId}
          name={cust.name}
          onCancel={() => setCollecting(false)}
          onDone={(msg) => {
            setCollecting(false);
            setDone(msg);
            financeChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
