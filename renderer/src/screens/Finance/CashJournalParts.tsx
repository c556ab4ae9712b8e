// Parts of the cash journal: the account tabs with their balances (toolbar), and the filter bar
// (period, search, and for finance 交回公司货款 F7 · 备用金拨入 F8 · 红字冲销 F6).

import type { KeyboardEvent, RefObject } from 'react';
import type { Output } from '../../../../shared/contract';
import { Btn } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ACCOUNTS, acctKey, fen, PeriodFields, type MoneyAccount } from './common';

export function AccountTabs(p: { account: MoneyAccount; balances: Output<'cash.accounts'>; onPick(a: MoneyAccount): void }) {
  const { t } = useI18n();
  return (
    <span className="acct-tabs">
      {ACCOUNTS.map((a) => {
        const b = p.balances.find((x) => x.account === a);
        return (
          <button key={a} type="button" className={`btn ${p.account === a ? 'on' : ''}`} data-account={a} onClick={() => p.onPick(a)}>
            {t(acctKey(a))} {b ? fen(b.balanceFen) : ''}
          </button>
        );
      })}
    </span>
  );
}

export interface JournalFilter {
  from: string;
  to: string;
  query: string;
}

interface FilterProps {
  filter: JournalFilter;
  onFilter(patch: Partial<JournalFilter>): void;
  search: RefObject<HTMLInputElement | null>;
  /** keys in the search box (↓ into the journal) */
  onSearchKey?(e: KeyboardEvent<HTMLElement>): void;
  canWrite: boolean;
  canReverse: boolean;
  onDialog(d: 'remit' | 'topUp' | 'reverse'): void;
}

export function JournalFilters({ filter, onFilter, search, onSearchKey, canWrite, canReverse, onDialog }: FilterProps) {
  const { t } = useI18n();
  return (
    <div className="filter-bar">
      <PeriodFields from={filter.from} to={filter.to} onFrom={(from) => onFilter({ from })} onTo={(to) => onFilter({ to })} />
      <input
        ref={search}
        className="input search"
        placeholder={t('jr.search')}
        value={filter.query}
        onChange={(e) => onFilter({ query: e.target.value })}
        onKeyDown={onSearchKey}
      />
      {canWrite ? (
        <>
          <Btn onClick={() => onDialog('remit')} hotkey="F7">
            {t('jr.remit')}
          </Btn>
          <Btn onClick={() => onDialog('topUp')} hotkey="F8">
            {t('jr.topUp')}
          </Btn>
          <Btn variant="danger" onClick={() => onDialog('reverse')} hotkey="F6" disabled={!canReverse}>
            {t('jr.reverse')}
          </Btn>
        </>
      ) : null}
    </div>
  );
}
