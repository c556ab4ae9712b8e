// The filter bar over a slip list: number / customer text, date range, kind, state, customer.

import type { KeyboardEvent, Ref } from 'react';
import { SLIP_KINDS, SLIP_STATES, type Customer, type SlipKind, type SlipState } from '../../../../shared/contract';
import { CustomerPicker } from '../../components/pickers';
import { useI18n } from '../../i18n';
import { today } from '../../i18n/clock';
import type { SlipFilter } from './SlipTable';

export function SlipFilters(p: {
  filter: SlipFilter;
  onChange(f: SlipFilter): void;
  showKind?: boolean;
  customer?: { value: Customer | null; onPick(c: Customer | null): void };
  queryRef?: Ref<HTMLInputElement>;
  /** ↓ from the search box: into the list */
  onDown?: (e: KeyboardEvent<HTMLElement>) => void;
  autoFocus?: boolean;
}) {
  const { t, kind, state } = useI18n();
  const f = p.filter;
  const set = (patch: Partial<SlipFilter>) => p.onChange({ ...f, ...patch });
  return (
    <div className="filter-bar">
      <input
        ref={p.queryRef}
        className="input search"
        placeholder={t('slips.searchPlaceholder')}
        value={f.query ?? ''}
        autoFocus={p.autoFocus}
        onChange={(e) => set({ query: e.target.value })}
        onKeyDown={p.onDown}
      />
      <label className="inline-field">
        <span>{t('slips.from')}</span>
        <input className="input date" type="date" value={f.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="inline-field">
        <span>{t('slips.to')}</span>
        <input className="input date" type="date" value={f.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      {/* the office's today (its timezone, not the PC's) */}
      <button type="button" className="link-btn slips-today" onClick={() => set({ from: today(), to: today() })}>
        {t('slips.today')}
      </button>
      {p.showKind ? (
        <select className="input narrow-select" value={f.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as SlipKind | undefined })}>
          <option value="">{t('slips.allKinds')}</option>
          {SLIP_KINDS.map((k) => (
            <option key={k} value={k}>
              {kind(k)}
            </option>
          ))}
        </select>
      ) : null}
      <select className="input narrow-select" value={f.state ?? ''} onChange={(e) => set({ state: (e.target.value || undefined) as SlipState | undefined })}>
        <option value="">{t('slips.allStates')}</option>
        {SLIP_STATES.map((s) => (
          <option key={s} value={s}>
            {state(s)}
          </option>
        ))}
      </select>
      {p.customer ? (
        <span className="inline-field customer-filter">
          <span>{t('dispatch.customer')}</span>
          <CustomerPicker value={p.customer.value} onPick={(c) => p.customer!.onPick(c)} />
          {p.customer.value ? (
            <button type="button" className="link-btn" onClick={() => p.customer!.onPick(null)}>
              {t('common.clear')}
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
