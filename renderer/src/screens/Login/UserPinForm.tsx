// Pick a user and type the PIN. ↑/↓ choose the user from anywhere in the form; Enter logs in.

import { useEffect, useRef, useState } from 'react';
import type { DeskErr } from '../../api';
import { useUsers } from '../../components/people';
import { ErrorLine } from '../../components/ui';
import { useI18n } from '../../i18n';
import { PinField } from './PinField';

const LAST_USER = 'branch-desk.lastUser';

export function UserPinForm(p: {
  onSubmit(userId: number, pin: string): Promise<DeskErr | null>;
  excludeUserId?: number;
  submitLabel: string;
  footer?: React.ReactNode;
  /** the parent (a dialog) binds Enter itself */
  bindRef?: React.MutableRefObject<(() => void) | null>;
}) {
  const { t, roles } = useI18n();
  const users = useUsers();
  const [sel, setSel] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const list = users.filter((u) => u.id !== p.excludeUserId);
  useEffect(() => {
    if (sel !== null || !list.length) return;
    const last = Number(localStorage.getItem(LAST_USER));
    setSel((list.find((u) => u.id === last) ?? list[0]).id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [users]);

  const move = (d: number) => {
    if (!list.length) return;
    const i = Math.max(
      0,
      list.findIndex((u) => u.id === sel),
    );
    const n = list[(i + d + list.length) % list.length];
    setSel(n.id);
    setPin('');
    setError(null);
    pinRef.current?.focus();
  };

  const submit = async () => {
    if (busy || sel === null || pin.length < 4) return;
    setBusy(true);
    const e = await p.onSubmit(sel, pin);
    setBusy(false);
    if (e) {
      setError(e);
      pinRef.current?.select();
    } else localStorage.setItem(LAST_USER, String(sel));
  };
  if (p.bindRef) p.bindRef.current = submit;

  return (
    <div
      className="user-pin"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          move(e.key === 'ArrowDown' ? 1 : -1);
        } else if (e.key === 'Enter' && !p.bindRef) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <ul className="user-list" role="listbox" aria-label={t('login.user')}>
        {list.map((u, i) => (
          <li
            key={u.id}
            role="option"
            aria-selected={u.id === sel}
            className={u.id === sel ? 'active' : ''}
            onClick={() => {
              setSel(u.id);
              setPin('');
              pinRef.current?.focus();
            }}
          >
            <span className="user-no">{i + 1}</span>
            <span className="user-name">{u.name}</span>
            <span className="user-roles">{roles(u.roles)}</span>
          </li>
        ))}
      </ul>
      <div className="pin-row">
        <PinField
          inputRef={pinRef}
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
        />
        <button type="button" className="btn btn-primary" disabled={busy || sel === null || pin.length < 4} onClick={() => void submit()}>
          <span>{p.submitLabel}</span>
          <kbd className="kbd">Enter</kbd>
        </button>
      </div>
      <ErrorLine error={error} />
      <div className="login-hint">{t('login.hint')}</div>
      {p.footer}
    </div>
  );
}
