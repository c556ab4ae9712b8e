// Parts of the stock card: the title with the item, the figures under it, and the filter bar
// (item picker F3, period, 逐批明细 (the FIFO layers), how returns are written, 到期初 Ctrl+Home,
// 到期末 Ctrl+End).

import type { KeyboardEvent, RefObject } from 'react';
import type { Item, ReturnsOnCard } from '../../../../shared/contract';
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
  /** ↓ from the item box into the grid */
  onPickKey(e: KeyboardEvent<HTMLElement>): void;
  from: string;
  to: string;
  onFrom(d: string): void;
  onTo(d: string): void;
  layers: boolean;
  onLayers(show: boolean): void;
  /** how returns are written; `set` only for who may change it (the manager) */
  returns: { value: ReturnsOnCard; set: ((v: ReturnsOnCard) => void) | null } | null;
  /** 到期初 / 到期末: shown once an item is chosen */
  jump: { busy: boolean; toStart(): void; toEnd(): void } | null;
}

export function CardFilters(p: FilterProps) {
  const { t } = useI18n();
  return (
    <div className="filter-bar card-filters">
      <span className="inline-field item-filter" onKeyDownCapture={p.onPickKey}>
        <span>{t('card.item')}</span>
        <ItemPicker inputRef={p.pickRef} value={p.item} onPick={(i) => navigate(`/card/${i.id}`)} />
      </span>
      <label className="inline-field">
        <span>{t('slips.from')}</span>
        <input className="input date" type="date" value={p.from} onChange={(e) => p.onFrom(e.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('slips.to')}</span>
        <input className="input date" type="date" value={p.to} onChange={(e) => p.onTo(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={p.layers} onChange={(e) => p.onLayers(e.target.checked)} data-testid="card-layers" />
        {t('card.layers')}
      </label>
      {p.returns ? (
        <label className="inline-field">
          <span>{t('card.returns')}</span>
          <select
            className="input"
            value={p.returns.value}
            disabled={!p.returns.set}
            onChange={(e) => p.returns?.set?.(e.target.value as ReturnsOnCard)}
            data-testid="card-returns"
          >
            <option value="redIssue">{t('card.returns.redIssue')}</option>
            <option value="receipt">{t('card.returns.receipt')}</option>
          </select>
        </label>
      ) : null}
      {p.jump ? (
        <>
          <Btn hotkey="Ctrl+Home" onClick={p.jump.toStart} disabled={p.jump.busy}>
            {t('card.toStart')}
          </Btn>
          <Btn hotkey="Ctrl+End" onClick={p.jump.toEnd} disabled={p.jump.busy}>
            {p.jump.busy ? t('common.loading') : t('card.toEnd')}
          </Btn>
        </>
      ) : null}
    </div>
  );
}
