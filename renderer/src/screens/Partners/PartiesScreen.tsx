// 客户档案 / 供应商档案: search by code, name, pinyin initials or phone; create, edit, deactivate.
// From a customer: its ledger and statement (客户往来) and its slips.
// Keys: F3 search · ↓ into the list · Enter edit · F2 new · F5 ledger · F6 slips.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { call, type DeskErr } from '../../api';
import { focusedRow, Grid } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { Btn, ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PartyDialog, type PartyKind } from './PartyDialog';
import { partyColumns, type PartyRow } from './partyColumns';

/** Suppliers are few: all are read, searched here by code, name or phone. */
function matches(s: PartyRow, q: string): boolean {
  return [s.code, s.name, s.phone].some((x) => x.toLowerCase().includes(q.toLowerCase()));
}

function useParties(kind: PartyKind) {
  const [rows, setRows] = useState<PartyRow[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(
    async (query: string, includeInactive: boolean) => {
      const r = kind === 'customer' ? await call('customers.list', { query, includeInactive, limit: 1000 }) : await call('suppliers.list', {});
      if (!r.ok) return setError(r.error);
      setError(null);
      const all: PartyRow[] = Array.isArray(r.value) ? r.value : r.value.rows;
      setRows(kind === 'customer' ? all : all.filter((s) => (includeInactive || s.active) && matches(s, query)));
    },
    [kind],
  );
  return { rows, error, load };
}

export function PartiesScreen({ kind }: { kind: PartyKind }) {
  const { t } = useI18n();
  const session = useSession();
  const customer = kind === 'customer';
  const [query, setQuery] = useState('');
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<{ party: PartyRow | null } | null>(null);
  const grid = useRef<AgGridReact<PartyRow>>(null);
  const search = useRef<HTMLInputElement>(null);
  const { rows, error, load } = useParties(kind);
  const canCreate = session.can(customer ? 'customers.create' : 'suppliers.create');
  const canLedger = customer && session.can('receivables.ledger');

  useEffect(() => {
    const h = setTimeout(() => void load(query.trim(), inactive), query ? 150 : 0);
    return () => clearTimeout(h);
  }, [query, inactive, load]);

  const open = (p: PartyRow | undefined) => p && setEditing({ party: p });
  const ledger = () => {
    const c = focusedRow(grid);
    if (c && canLedger) navigate(`/aging/${c.id}`);
  };
  const slips = () => {
    const c = focusedRow(grid);
    if (c && customer) navigate(`/slips/customer/${c.id}`);
  };
  useHotkeys({
    F2: () => canCreate && setEditing({ party: null }),
    F3: () => search.current?.focus(),
    'Ctrl+F': () => search.current?.focus(),
    F4: () => open(focusedRow(grid)),
    F5: ledger,
    F6: slips,
  });
  const cols = useMemo(() => partyColumns(t, customer), [t, customer]);

  return (
    <div className="screen-col">
      <Toolbar title={t('nav.customers')} sub={t(customer ? 'pt.customers.count' : 'pt.suppliers.count', { n: rows.length })}>
        <PartyTabs kind={kind} />
        <input
          ref={search}
          className="input search"
          placeholder={t('pt.search')}
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={downIntoGrid(grid)}
        />
        <label className="check">
          <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} /> {t('pt.showInactive')}
        </label>
        {canLedger ? <Btn onClick={ledger} hotkey="F5">{`${t('pt.ledger')} / ${t('pt.statement')}`}</Btn> : null}
        {customer ? (
          <Btn onClick={slips} hotkey="F6">
            {t('pt.slips')}
          </Btn>
        ) : null}
        {canCreate ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setEditing({ party: null })}>
            {t(customer ? 'pt.newCustomer' : 'pt.newSupplier')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<PartyRow>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(p) => String(p.data.id)}
          rowClassRules={{ 'row-waiting': (p) => p.data?.active === false }}
          onRowDoubleClicked={(e) => open(e.data)}
          onCellKeyDown={(e) => {
            const k = (e.event as KeyboardEvent | undefined)?.key;
            if (k === 'Enter') open(e.data);
            else if (k === 'ArrowUp' && e.rowIndex === 0) search.current?.focus();
          }}
        />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ['Enter', t('keys.edit')],
          ...(canCreate ? ([['F2', t(customer ? 'pt.newCustomer' : 'pt.newSupplier')]] as [string, string][]) : []),
          ...(canLedger ? ([['F5', t('pt.ledger')]] as [string, string][]) : []),
          ...(customer ? ([['F6', t('pt.slips')]] as [string, string][]) : []),
        ]}
      />
      {editing ? (
        <PartyDialog
          kind={kind}
          party={editing.party}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load(query.trim(), inactive);
          }}
        />
      ) : null}
    </div>
  );
}

/** 客户档案 | 供应商档案 */
function PartyTabs({ kind }: { kind: PartyKind }) {
  const { t } = useI18n();
  const tab = (k: PartyKind, path: string, label: 'pt.tab.customers' | 'pt.tab.suppliers') => (
    <button type="button" className={`btn ${kind === k ? 'on' : ''}`} onClick={() => navigate(path)}>
      {t(label)}
    </button>
  );
  return (
    <span className="acct-tabs">
      {tab('customer', '/customers', 'pt.tab.customers')}
      {tab('supplier', '/customers/suppliers', 'pt.tab.suppliers')}
    </span>
  );
}
