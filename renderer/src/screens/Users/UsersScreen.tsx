// 用户管理 (admin, manager): the users with their roles (兼任), active or disabled and whether they
// have a signature image; create (name, title, roles, PIN twice), edit (title, roles, active, reset
// PIN) and the signature image (PNG upload with preview, clear). Keys: F2 new · Enter / F4 edit · F5 refresh.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { User } from '../../../../shared/contract';
import { ROLES, type Role } from '../../../../shared/roles';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { localError, useI18n } from '../../i18n';

export function UsersScreen() {
  const { t, roles } = useI18n();
  const [rows, setRows] = useState<User[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const grid = useRef<AgGridReact<User>>(null);

  const load = useCallback(async () => {
    const r = await call('users.list', {});
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value);
  }, []);
  useEffect(() => void load(), [load]);

  const editFocused = () => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    const node = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex) : null;
    if (node?.data) setEditing({ user: node.data });
  };
  useHotkeys({ F2: () => setEditing({ user: null }), F4: editFocused, F5: () => void load() });

  const cols = useMemo<ColDef<User>[]>(
    () => [
      { field: 'name', headerName: t('usr.name'), width: 130 },
      { field: 'title', headerName: t('usr.jobTitle'), width: 160 },
      {
        colId: 'roles',
        headerName: t('usr.roles'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) => (p.data ? roles(p.data.roles) + (p.data.roles.length > 1 ? ' (兼任)' : '') : ''),
      },
      { colId: 'active', headerName: t('usr.active'), width: 90, valueGetter: (p) => (p.data?.active ? t('usr.active') : t('usr.inactive')) },
      { colId: 'sig', headerName: t('usr.hasSig'), width: 100, valueGetter: (p) => (p.data?.hasSignature ? t('usr.yes') : t('usr.no')) },
    ],
    [t, roles],
  );

  return (
    <div className="screen-col" data-testid="users-screen">
      <Toolbar title={t('usr.title')} sub={String(rows.length)}>
        <Btn variant="primary" hotkey="F2" onClick={() => setEditing({ user: null })} data-testid="user-new">
          {t('usr.new')}
        </Btn>
        <Btn hotkey="F5" onClick={() => void load()}>
          {t('keys.refresh')}
        </Btn>
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <Grid<User>
        ref={grid}
        rowData={rows}
        columnDefs={cols}
        getRowId={(x) => String(x.data.id)}
        onRowDoubleClicked={(e) => e.data && setEditing({ user: e.data })}
        onCellKeyDown={(e) => {
          if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) setEditing({ user: e.data });
        }}
      />
      <KeyHints items={[['F2', t('usr.new')], ['Enter', t('usr.edit')], ['F5', t('keys.refresh')]]} />
      {editing ? (
        <UserDialog
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setDone(t('usr.saved', { name: u.name }));
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

function fileToBase64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });
}

function UserDialog({ user, onClose, onSaved }: { user: User | null; onClose(): void; onSaved(u: User): void }) {
  const { t, role } = useI18n();
  const [name, setName] = useState(user?.name ?? '');
  const [title, setTitle] = useState(user?.title ?? '');
  const [picked, setPicked] = useState<Role[]>(user?.roles ?? []);
  const [active, setActive] = useState(user?.active ?? true);
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'roles' | 'pin' | 'active' | 'sig' | 'form'; error: DeskErr } | null>(null);
  const [busy, setBusy] = useState(false);
  const [sig, setSig] = useState<string | null>(null);
  const [sigNote, setSigNote] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    void call('users.signature', { userId: user.id }).then((r) => r.ok && setSig(r.value.pngBase64));
  }, [user]);

  const errFor = (f: NonNullable<typeof error>['field']) => (error?.field === f ? <ErrorLine error={error.error} /> : null);

  const save = async () => {
    if (busy) return;
    if (!user && !name.trim()) return setError({ field: 'name', error: localError('usr.needName') });
    if (!picked.length) return setError({ field: 'roles', error: localError('usr.needRole') });
    if ((!user || pin) && pin.length < 4) return setError({ field: 'pin', error: localError('usr.pinShape') });
    if ((!user || pin) && pin !== pin2) return setError({ field: 'pin', error: localError('usr.pinMismatch') });
    setBusy(true);
    setError(null);
    const r = user
      ? await call('users.update', { userId: user.id, title, roles: picked, active, ...(pin ? { pin } : {}) }, { requestId: newRequestId() })
      : await call('users.create', { name: name.trim(), title, roles: picked, pin }, { requestId: newRequestId() });
    setBusy(false);
    if (!r.ok) {
      const c = r.error.code;
      const field = c === 'last_admin' ? (active ? 'roles' : 'active') : c === 'duplicate' ? 'name' : String(r.error.details?.field ?? '').startsWith('pin') ? 'pin' : 'form';
      return setError({ field, error: r.error });
    }
    onSaved(r.value);
    onClose();
  };

  const upload = async (f: File | undefined) => {
    if (!f || !user) return;
    setSigNote(null);
    if (f.type && f.type !== 'image/png') return setError({ field: 'sig', error: localError('usr.sigNotPng') });
    const b64 = await fileToBase64(f);
    const r = await call('users.setSignature', { userId: user.id, pngBase64: b64 }, { requestId: newRequestId() });
    if (!r.ok) return setError({ field: 'sig', error: r.error });
    setError(null);
    setSig(b64);
    setSigNote(t('usr.sigSaved'));
    onSaved(r.value);
  };
  const clearSig = async () => {
    if (!user) return;
    const r = await call('users.setSignature', { userId: user.id, pngBase64: null }, { requestId: newRequestId() });
    if (!r.ok) return setError({ field: 'sig', error: r.error });
    setError(null);
    setSig(null);
    setSigNote(t('usr.sigCleared'));
    onSaved(r.value);
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
      <div className="form-grid" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 12px' }}>
        <Field label={t('usr.name')}>
          <input className="input" value={name} disabled={!!user} autoFocus={!user} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
        </Field>
        <Field label={t('usr.jobTitle')}>
          <input className="input" value={title} autoFocus={!!user} onChange={(e) => setTitle(e.target.value)} data-testid="user-title" />
        </Field>
      </div>
      {errFor('name')}
      <div className="subhead">
        {t('usr.roles')} <span className="muted">{t('usr.rolesHint')}</span>
      </div>
      <div className="role-picks" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px' }}>
        {ROLES.map((r) => (
          <label key={r}>
            <input
              type="checkbox"
              checked={picked.includes(r)}
              onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r] : p.filter((x) => x !== r)))}
              data-testid={`user-role-${r}`}
            />{' '}
            {role(r)}
          </label>
        ))}
      </div>
      {errFor('roles')}
      {user ? (
        <>
          <label style={{ display: 'block', marginTop: 8 }}>
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="user-active" /> {t('usr.active')}
          </label>
          {errFor('active')}
        </>
      ) : null}
      <div className="form-grid" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 12px' }}>
        <Field label={user ? t('usr.resetPin') : t('usr.pin')}>
          <input className="input" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} data-testid="user-pin" />
        </Field>
        <Field label={t('usr.pin2')}>
          <input className="input" type="password" inputMode="numeric" value={pin2} onChange={(e) => setPin2(e.target.value)} data-testid="user-pin2" />
        </Field>
      </div>
      {errFor('pin')}
      {user ? (
        <>
          <div className="subhead">{t('usr.sig')}</div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
            <div style={{ border: '1px solid #ccc', width: 240, height: 80, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fff' }}>
              {sig ? (
                <img src={`data:image/png;base64,${sig}`} alt={t('usr.hasSig')} style={{ maxWidth: 236, maxHeight: 76 }} data-testid="user-sig-preview" />
              ) : (
                <span className="muted">{t('usr.sigNone')}</span>
              )}
            </div>
            <label className="btn">
              {t('usr.sigUpload')}
              <input
                type="file"
                accept="image/png"
                style={{ display: 'none' }}
                onChange={(e) => {
                  void upload(e.target.files?.[0]);
                  e.target.value = '';
                }}
                data-testid="user-sig-file"
              />
            </label>
            {sig ? <Btn onClick={() => void clearSig()}>{t('usr.sigClear')}</Btn> : null}
          </div>
          {sigNote ? <Notice kind="ok">{sigNote}</Notice> : null}
          {errFor('sig')}
        </>
      ) : null}
      {errFor('form')}
    </Dialog>
  );
}
