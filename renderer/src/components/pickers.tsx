// Item and customer pickers on top of the ComboBox (search: code, name, barcode, pinyin initials).

import type { Ref } from 'react';
import type { Customer, Item } from '../../../shared/contract';
import { formatFen } from '../../../shared/money';
import { call } from '../api';
import { useI18n } from '../i18n';
import { ComboBox } from './ComboBox';

export async function searchItems(query: string, limit = 30): Promise<Item[]> {
  const r = await call('items.list', { query, limit });
  return r.ok ? r.value.rows : [];
}

export async function searchCustomers(query: string, limit = 30): Promise<Customer[]> {
  const r = await call('customers.list', { query, limit });
  return r.ok ? r.value.rows : [];
}

/** One customer by id, inactive ones too (a customer's record opening its slips). */
export async function customerById(id: number): Promise<Customer | null> {
  const r = await call('customers.list', { includeInactive: true, limit: 1000 });
  return r.ok ? (r.value.rows.find((c) => c.id === id) ?? null) : null;
}

export function ItemPicker(props: {
  value?: Item | null;
  onPick(i: Item): void;
  clearOnPick?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <ComboBox<Item>
      id={props.id}
      value={props.value ?? null}
      display={(i) => `${i.code} ${i.name}`}
      search={(q) => searchItems(q)}
      optionKey={(i) => i.id}
      renderOption={(i) => (
        <div className="opt">
          <span className="opt-code">{i.code}</span>
          <span className="opt-name">{i.name}</span>
          <span className="opt-meta">
            {i.spec} · {i.unit}
            {i.priceFen == null ? null : ` · ${formatFen(i.priceFen, { symbol: '¥' })}`}
          </span>
        </div>
      )}
      onPick={props.onPick}
      clearOnPick={props.clearOnPick}
      inputRef={props.inputRef}
      autoFocus={props.autoFocus}
      placeholder={props.placeholder ?? t('pick.itemPlaceholder')}
      emptyText={t('pick.noMatch')}
    />
  );
}

export function CustomerPicker(props: {
  value: Customer | null;
  onPick(c: Customer): void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <ComboBox<Customer>
      id={props.id}
      value={props.value}
      display={(c) => `${c.code} ${c.name}`}
      search={(q) => searchCustomers(q)}
      optionKey={(c) => c.id}
      renderOption={(c) => (
        <div className="opt">
          <span className="opt-code">{c.code}</span>
          <span className="opt-name">{c.name}</span>
          <span className="opt-meta">
            {c.kind} {c.contact ? `· ${c.contact}` : ''}
          </span>
        </div>
      )}
      onPick={props.onPick}
      inputRef={props.inputRef}
      autoFocus={props.autoFocus}
      placeholder={t('pick.customerPlaceholder')}
      emptyText={t('pick.noMatch')}
    />
  );
}
