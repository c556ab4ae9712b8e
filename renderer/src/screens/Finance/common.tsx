// Shared pieces of the finance screens: the "days not closed" banner, a PIN sign-off field (pick a
// person of a role, type the PIN), money input parsing, account names and their select, the period
// fields (从 / 到).

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { Role } from '../../../../shared/roles';
import { formatFen } from '../../../../shared/money';
import type { DeskErr } from '../../api';
import { refusalError } from '../../i18n';
import { MAX_FEN, parseMoney, type NumField } from '../../numbers';
import { call } from '../../api';
import { PersonSelect, PinInput, useUsers } from '../../components/people';
import { Field } from '../../components/ui';
import { navigate, useRoute } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import './finance.css';

export type MoneyAccount = 'cash' | 'wechat' | 'alipay' | 'bank';
export const ACCOUNTS: MoneyAccount[] = ['cash', 'wechat', 'alipay', 'bank'];
export const acctKey = (a: MoneyAccount): MsgKey => `acct.${a}` as MsgKey;

/** Tell the banner (and others) that the books changed: a close of day, a payment. */
export const FIN_CHANGED = 'branch-desk.finance-changed';
export function financeChanged(): void {
  window.dispatchEvent(new Event(FIN_CHANGED));
}

export type DayStatus = Output<'dayClose.status'>;

export function useDayStatus(): DayStatus | null {
  const route = useRoute();
  const [st, setSt] = useState<DayStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void call('dayClose.status', {}).then((r) => live && r.ok && setSt(r.value));
    load();
    const h = setInterval(load, 60_000);
    window.addEventListener(FIN_CHANGED, load);
    return () => {
      live = false;
      clearInterval(h);
      window.removeEventListener(FIN_CHANGED, load);
    };
  }, [route[0]]); // eslint-disable-line react-hooks/exhaustive-deps
  return st;
}

/** 未日结: 2026-11-28 … — on every screen while past business days are still open. */
export function DayCloseBanner() {
  const { t } = useI18n();
  const session = useSession();
  const st = useDayStatus();
  if (!st || st.openDays.length === 0) return null;
  const shown = st.openDays.slice(0, 5);
  return (
    <div className="day-banner" role="status">
      <span>
        {t('fin.banner.open', { days: '' })}
        <b>{shown.join(', ')}</b>
        {st.openDayCount > shown.length ? ` ${t('fin.banner.more', { n: st.openDayCount })}` : ''}
      </span>
      {session.can('dayClose.preview') ? (
        <button type="button" className="link-btn" onClick={() => navigate(`/dayclose/${st.openDays[0]}`)}>
          {t('fin.banner.go')}
        </button>
      ) : null}
    </div>
  );
}

/** "12.3", "１２．３", "1,234.50" → fen; null when empty or not an amount (renderer/src/numbers.ts). */
export function yuanToFen(s: string): number | null {
  const r = parseMoney(s, { min: -MAX_FEN });
  return r.ok ? r.value : null;
}

/** An amount typed in a finance dialog (at least 0.01 unless `min` says otherwise), or why not. */
export function typedFen(s: string, field: NumField = 'amount', min = 1): { ok: true; fen: number } | { ok: false; error: DeskErr } {
  const r = parseMoney(s, { field, min });
  return r.ok ? { ok: true, fen: r.value } : { ok: false, error: refusalError(r.refusal) };
}
export const fen = (n: number | null | undefined) => (typeof n === 'number' ? formatFen(n) : '');

export interface Signoff {
  user: number | null;
  pin: string;
}

/** Someone of a role signs off with their PIN (经理审批, 会签): a person list and a PIN field. */
/** `autoFocus`: a dialog opens on this person list (components/Dialog.tsx's `data-autofocus`). */
export function SignoffField(p: { role: Role; label: string; value: Signoff; onChange(v: Signoff): void; id?: string; autoFocus?: boolean }) {
  const { t } = useI18n();
  const users = useUsers();
  const session = useSession();
  const people = users.filter((u) => u.roles.includes(p.role));
  useEffect(() => {
    if (p.value.user !== null && people.some((u) => u.id === p.value.user)) return;
    const me = people.find((u) => u.id === session.user?.id);
    const pick = (me ?? people[0])?.id ?? null;
    if (pick !== null) p.onChange({ ...p.value, user: pick });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [users.length, p.role]);
  return (
    <div className="inline-field signoff" data-role={p.role}>
      <Field label={p.label}>
        <PersonSelect people={people} value={p.value.user ?? ''} onChange={(user) => p.onChange({ ...p.value, user })} autoFocus={p.autoFocus} />
      </Field>
      <Field label={t('fin.pin')}>
        <PinInput id={p.id} className="input narrow" value={p.value.pin} onChange={(e) => p.onChange({ ...p.value, pin: e.target.value })} />
      </Field>
    </div>
  );
}

/** The money accounts (现金, 微信, 支付宝, 银行) as a select. */
export function AccountSelect(p: { value: MoneyAccount; onChange(a: MoneyAccount): void }) {
  const { t } = useI18n();
  return (
    <select className="input" value={p.value} onChange={(e) => p.onChange(e.target.value as MoneyAccount)}>
      {ACCOUNTS.map((a) => (
        <option key={a} value={a}>
          {t(acctKey(a))}
        </option>
      ))}
    </select>
  );
}

/** 从 … 到 …: the period of a journal or a ledger, as two date fields. */
export function PeriodFields(p: { from: string; to: string; onFrom(d: string): void; onTo(d: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('fin.from')}>
        <input className="input date" type="date" value={p.from} onChange={(e) => p.onFrom(e.target.value)} />
      </Field>
      <Field label={t('fin.to')}>
        <input className="input date" type="date" value={p.to} onChange={(e) => p.onTo(e.target.value)} />
      </Field>
    </>
  );
}
