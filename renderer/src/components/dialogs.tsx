// Dialogs used on several screens: confirm, reason (void / reverse), signature with PIN.

import { useEffect, useRef, useState } from 'react';
import type { Output, Slip } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { call, newRequestId, type DeskErr } from '../api';
import { localError, useI18n } from '../i18n';
import { useSession } from '../session';
import { Dialog } from './Dialog';
import { Btn, ErrorLine, Field } from './ui';
import { formatFen } from '../../../shared/money';

export type UserEntry = Output<'auth.users'>[number];

export function useUsers(): UserEntry[] {
  const [users, setUsers] = useState<UserEntry[]>([]);
  useEffect(() => {
    void call('auth.users', {}).then((r) => r.ok && setUsers(r.value));
  }, []);
  return users;
}

export function ConfirmDialog(p: {
  title: string;
  children: React.ReactNode;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  error?: DeskErr | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={p.title}
      onCancel={p.onCancel}
      onConfirm={() => !p.busy && p.onConfirm()}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant={p.danger ? 'danger' : 'primary'} onClick={p.onConfirm} disabled={p.busy} hotkey="Enter" data-autofocus>
            {p.confirmText}
          </Btn>
        </>
      }
    >
      {p.children}
      <ErrorLine error={p.error} />
    </Dialog>
  );
}

/** Ask for a reason, then run the action (void a draft, reverse a posted slip). */
export function ReasonDialog(p: {
  title: string;
  label: string;
  confirmText: string;
  run(reason: string, requestId: string): Promise<DeskErr | null>;
  onDone(): void;
  onCancel(): void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());
  const submit = async () => {
    if (busy) return;
    if (!reason.trim()) {
      setError(localError('reason.required'));
      return;
    }
    setBusy(true);
    const e = await p.run(reason.trim(), requestId.current);
    setBusy(false);
    if (e) {
      setError(e);
      requestId.current = newRequestId();
    } else p.onDone();
  };
  return (
    <Dialog
      title={p.title}
      onCancel={p.onCancel}
      onConfirm={submit}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="danger" onClick={submit} disabled={busy} hotkey="Enter">
            {p.confirmText}
          </Btn>
        </>
      }
    >
      {p.children}
      <Field label={p.label} wide>
        <input className="input" autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ErrorLine error={error} />
    </Dialog>
  );
}

/**
 * Sign a slip as one role: the signer (who may not be the person logged in) picks themself and
 * types their PIN. The roles offered are the ones still missing, in the order the office requires.
 */
export function SignDialog(p: { slip: Slip; onSigned(s: Slip): void; onCancel(): void }) {
  const { t, role: roleName } = useI18n();
  const session = useSession();
  const users = useUsers();
  const missing = p.slip.missingSignatures;
  const [role, setRole] = useState<Role>(missing[0] ?? 'manager');
  const [userId, setUserId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const requestId = useRef(newRequestId());
  // finance signing a credit sale over the limit: the manager's PIN lets it through
  const [override, setOverride] = useState<{ user: number | null; pin: string }>({ user: null, pin: '' });
  const mgrPinRef = useRef<HTMLInputElement>(null);

  const signers = users.filter((u) => u.roles.includes(role));
  useEffect(() => {
    if (userId !== null && signers.some((u) => u.id === userId)) return;
    const me = signers.find((u) => u.id === session.user?.id);
    setUserId((me ?? signers[0])?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, users]);

  const submit = async () => {
    if (busy || userId === null) return;
    if (pin.length < 4) {
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const overriding = error?.code === 'credit_limit_exceeded' && role === 'finance';
    if (overriding && (override.user === null || override.pin.length < 4)) {
      mgrPinRef.current?.focus();
      return;
    }
    const creditOverride = overriding && override.user !== null ? { user: override.user, pin: override.pin } : undefined;
    const r = await call('slips.sign', { slipId: p.slip.id, role, user: userId, pin, creditOverride }, { requestId: requestId.current });
    setBusy(false);
    if (r.ok) p.onSigned(r.value);
    else {
      setError(r.error);
      requestId.current = newRequestId();
      if (r.error.code === 'credit_limit_exceeded' && role === 'finance') {
        // the finance PIN stays; the manager's PIN is asked next (a wrong manager PIN clears only that)
        setOverride((o) => ({ ...o, pin: '' }));
        setTimeout(() => mgrPinRef.current?.focus(), 0);
        return;
      }
      pinRef.current?.select();
      pinRef.current?.focus();
    }
  };
  const creditErr = error?.code === 'credit_limit_exceeded' && role === 'finance' ? error : null;
  const cd = (creditErr?.details ?? {}) as { limitFen?: number; balanceFen?: number; amountFen?: number };
  const managers = users.filter((u) => u.roles.includes('manager'));

  return (
    <Dialog
      title={t('sign.title', { no: p.slip.no })}
      onCancel={p.onCancel}
      onConfirm={submit}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={submit} disabled={busy || userId === null || pin.length < 4} hotkey="Enter">
            {creditErr ? t('fin.override.confirm') : t('sign.confirm')}
          </Btn>
        </>
      }
    >
      <p className="dialog-text">{t('sign.explain')}</p>
      <div className="form-grid">
        <Field label={t('sign.role')}>
          <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {missing.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sign.signer')}>
          <select className="input" value={userId ?? ''} onChange={(e) => setUserId(Number(e.target.value))}>
            {signers.length === 0 ? <option value="">{t('sign.noSigner')}</option> : null}
            {signers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('login.pin')}>
          <input
            ref={pinRef}
            className="input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </Field>
      </div>
      <ErrorLine error={error} />
      {creditErr ? (
        <div className="credit-override">
          <div className="subhead">{t('fin.override.title')}</div>
          <table className="fin-table">
            <tbody>
              <tr>
                <td>{t('fin.override.limit')}</td>
                <td className="num">{formatFen(cd.limitFen ?? 0)}</td>
                <td>{t('fin.override.owes')}</td>
                <td className="num">{formatFen(cd.balanceFen ?? 0)}</td>
              </tr>
              <tr>
                <td>{t('fin.override.amount')}</td>
                <td className="num">{formatFen(cd.amountFen ?? 0)}</td>
                <td>{t('fin.override.after')}</td>
                <td className="num neg-amount">{formatFen((cd.balanceFen ?? 0) + (cd.amountFen ?? 0))}</td>
              </tr>
            </tbody>
          </table>
          <p className="dialog-text">{t('fin.override.explain')}</p>
          <div className="form-grid">
            <Field label={t('fin.override.manager')}>
              <select
                className="input"
                value={override.user ?? managers[0]?.id ?? ''}
                onChange={(e) => setOverride((o) => ({ ...o, user: Number(e.target.value) }))}
              >
                {managers.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('fin.override.pin')}>
              <input
                ref={mgrPinRef}
                className="input"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={override.pin}
                onChange={(e) => setOverride((o) => ({ ...o, user: o.user ?? managers[0]?.id ?? null, pin: e.target.value }))}
              />
            </Field>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
