// Create a user (name, title, roles, PIN twice) or edit one (title, roles, active, reset PIN, the
// signature image). Each error shows under the field it is about.

import { useState } from 'react';
import type { User } from '../../../../shared/contract';
import { PRIVILEGED_ROLES, ROLES, type Role } from '../../../../shared/roles';
import { call, newRequestId, type DeskErr } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { GrantSignoff, grantedRoles, type Second } from './GrantSignoff';
import { UserSignature } from './UserSignature';

type ErrField = 'name' | 'roles' | 'pin' | 'active' | 'second' | 'sig' | 'form';
const twoCols = { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 12px' } as const;

/** Which field a refusal of users.create / users.update is about. */
function fieldOf(e: DeskErr, active: boolean): ErrField {
  if (e.code === 'last_admin') return active ? 'roles' : 'active';
  if (e.code === 'own_roles') return 'roles';
  if (e.code === 'duplicate') return 'name';
  if (e.code === 'grant_second_person' || String(e.details?.field ?? '').startsWith('secondPin')) return 'second';
  return String(e.details?.field ?? '').startsWith('pin') ? 'pin' : 'form';
}

export function UserDialog({ user, onClose, onSaved }: { user: User | null; onClose(): void; onSaved(u: User): void }) {
  const { t } = useI18n();
  const me = useSession().user;
  const [name, setName] = useState(user?.name ?? '');
  const [title, setTitle] = useState(user?.title ?? '');
  const [picked, setPicked] = useState<Role[]>(user?.roles ?? []);
  const [active, setActive] = useState(user?.active ?? true);
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [second, setSecond] = useState<Second>({ user: null, pin: '' });
  const [error, setError] = useState<{ field: ErrField; error: DeskErr } | null>(null);
  const [busy, setBusy] = useState(false);

  const errFor = (f: ErrField) => (error?.field === f ? <ErrorLine error={error.error} /> : null);

  const save = async () => {
    if (busy) return;
    if (!user && !name.trim()) return setError({ field: 'name', error: localError('usr.needName') });
    if (!picked.length) return setError({ field: 'roles', error: localError('usr.needRole') });
    if ((!user || pin) && pin.length < 4) return setError({ field: 'pin', error: localError('usr.pinShape') });
    if ((!user || pin) && pin !== pin2) return setError({ field: 'pin', error: localError('usr.pinMismatch') });
    const granting = grantedRoles(user?.roles ?? [], picked).length > 0 && second.user !== null && second.pin !== '';
    const secondPin = granting ? { secondPin: { user: second.user!, pin: second.pin } } : {};
    setBusy(true);
    setError(null);
    const r = user
      ? await call('users.update', { userId: user.id, title, roles: picked, active, ...(pin ? { pin } : {}), ...secondPin }, { requestId: newRequestId() })
      : await call('users.create', { name: name.trim(), title, roles: picked, pin, ...secondPin }, { requestId: newRequestId() });
    setBusy(false);
    if (!r.ok) return setError({ field: fieldOf(r.error, active), error: r.error });
    onSaved(r.value);
    onClose();
  };

  return (
    <Dialog
      title={user ? `${t('usr.edit')} · ${user.name}` : t('usr.new')}
      onCancel={onClose}
      onConfirm={() => void save()}
      width={560}
      footer={
        <>
          <Btn onClick={onClose}>{t('usr.cancel')}</Btn>
          <Btn variant="primary" onClick={() => void save()} disabled={busy} data-testid="user-save">
            {t('usr.save')}
          </Btn>
        </>
      }
    >
      <div className="form-grid" style={twoCols}>
        <Field label={t('usr.name')}>
          <input className="input" value={name} disabled={!!user} autoFocus={!user} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
        </Field>
        <Field label={t('usr.jobTitle')}>
          <input className="input" value={title} autoFocus={!!user} onChange={(e) => setTitle(e.target.value)} data-testid="user-title" />
        </Field>
      </div>
      {errFor('name')}
      <RolePicks picked={picked} onPicked={setPicked} own={!!user && user.id === me?.id} mayGrant={!!me?.roles.includes('admin')} />
      {errFor('roles')}
      {user ? (
        <>
          <label style={{ display: 'block', marginTop: 8 }}>
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="user-active" /> {t('usr.active')}
          </label>
          {errFor('active')}
        </>
      ) : null}
      <div className="form-grid" style={twoCols}>
        <Field label={user ? t('usr.resetPin') : t('usr.pin')}>
          <input className="input" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} data-testid="user-pin" />
        </Field>
        <Field label={t('usr.pin2')}>
          <input className="input" type="password" inputMode="numeric" value={pin2} onChange={(e) => setPin2(e.target.value)} data-testid="user-pin2" />
        </Field>
      </div>
      {errFor('pin')}
      <GrantSignoff granteeId={user?.id ?? null} before={user?.roles ?? []} picked={picked} value={second} onChange={setSecond} />
      {errFor('second')}
      {user ? <UserSignature user={user} onSaved={onSaved} onError={(e) => setError(e ? { field: 'sig', error: e } : null)} errorLine={errFor('sig')} /> : null}
      {errFor('form')}
    </Dialog>
  );
}

/** 角色 (兼任: one person may hold several): a checkbox per role. */
function RolePicks({ picked, onPicked, own, mayGrant }: { picked: Role[]; onPicked(f: (p: Role[]) => Role[]): void; own: boolean; mayGrant: boolean }) {
  const { t, role } = useI18n();
  return (
    <>
      <div className="subhead">
        {t('usr.roles')} <span className="muted">{t(own ? 'usr.ownRoles' : 'usr.rolesHint')}</span>
      </div>
      <div className="role-picks" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px' }}>
        {ROLES.map((r) => (
          <label key={r}>
            <input
              type="checkbox"
              checked={picked.includes(r)}
              disabled={own || (!mayGrant && PRIVILEGED_ROLES.includes(r) && !picked.includes(r))}
              onChange={(e) => onPicked((p) => (e.target.checked ? [...p, r] : p.filter((x) => x !== r)))}
              data-testid={`user-role-${r}`}
            />{' '}
            {role(r)}
          </label>
        ))}
      </div>
    </>
  );
}
