// Parts of the stock card: the title with the item, the figures under it, and the filter bar
// (item picker F3, period, 到期末 Ctrl+End).

import type { RefObject } from 'react';
import type { Item } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { ItemPicker } from '../../components/pickers';
import { Btn } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useI18n, type I18n } from '../../i18n';
import type { CardMeta } from './cardLoader';

export function CardTitle({ item }: { item: Item | null }) {
  const { t } = useI18n();
  return (
    <>
      {t('nav.card')}
      {item ? (
        <span className="card-item">
          {item.code} {item.name}{' '}
          <span className="muted">
            {item.spec} · {item.unit}
          </span>
        </span>
      ) : null}
    </>
  );
}

/** 期初 … 期末 … 结存金额 … 安全库存 … */
export function cardSub(t: I18n['t'], meta: CardMeta | null, item: Item | null): string | undefined {
  if (!meta) return undefined;
  return t('card.sub', {
    opening: meta.opening.qty.toLocaleString('en-US'),
    closing: meta.closing.qty.toLocaleString('en-US'),
    value: formatFen(meta.closing.amountFen),
    safety: item?.safetyStock ?? 0,
  });
}

interface FilterProps {
  item: Item | null;
  pickRef: RefObject<HTMLInputElement | null>;
  from: string;
  to: string;
  onFrom(d: string): void;
  onTo(d: string): void;
  /** 到期末: shown once an item is chosen */
  toEnd: { busy: boolean; go(): void } | null;
}

export function CardFilters({ item, pickRef, from, to, onFrom, onTo, toEnd }: FilterProps) {
  const { t } = useI18n();
  return (
    <div className="filter-bar">
      <span className="inline-field item-filter">
        <span>{t('card.item')}</span>
        <ItemPicker inputRef={pickRef} value={item} onPick={(i) => navigate(`/card/${i.id}`)} />
      </span>
      <label className="inline-field">
        <span>{t('slips.from')}</span>
        <input className="input date" type="date" value={from} onChange={(e) => onFrom(e.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('slips.to')}</span>
        <input className="input date" type="date" value={to} onChange={(e) => onTo(e.target.value)} />
      </label>
      {toEnd ? (
        <Btn hotkey="Ctrl+End" onClick={toEnd.go} disabled={toEnd.busy}>
          {toEnd.busy ? t('common.loading') : t('card.toEnd')}
        </Btn>
      ) : null}
    </div>
  );
}
