// Steps 总部(首个供应商) and 用户与角色: what is there, and the same dialogs the 供应商档案 and
// 用户管理 screens use (PartyDialog, UserDialog) to add more.

import { useCallback, useEffect, useState } from 'react';
import type { Supplier, User } from '../../../../shared/contract';
import { ROLES } from '../../../../shared/roles';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PartyDialog } from '../Partners/PartyDialog';
import { UserDialog } from '../Users/UserDialog';

/** A list read once and again after each change. */
function useList<T>(read: () => Promise<{ ok: true; value: T[] } | { ok: false; error: DeskErr }>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const r = await read();
    if (r.ok) setRows(r.value);
    setError(r.ok ? null : r.error);
  }, [read]);
  useEffect(() => void load(), [load]);
  return { rows, error, load };
}

const readSuppliers = () => call('suppliers.list', {});
const readUsers = () => call('users.list', {});

export function HqStep({ hqName, onChanged }: { hqName: string; onChanged(): void }) {
  const { t } = useI18n();
  const canCreate = useSession().can('suppliers.create');
  const list = useList<Supplier>(readSuppliers);
  const [adding, setAdding] = useState(false);
  return (
    <div className="panel" data-testid="setup-hq">
      <div className="muted">{t('setup.hq.explain')}</div>
      <ErrorLine error={list.error} />
      {list.rows?.length ? (
        <div>
          <div className="subhead">{t('setup.hq.have')}</div>
          <ul className="setup-list">
            {list.rows.map((s) => (
              <li key={s.id}>
                <span className="mono">{s.code}</span> {s.name}
              </li>
            ))}
          </ul>
        </div>
      ) : list.rows ? (
        <div>{t('setup.hq.none')}</div>
      ) : null}
      {canCreate ? (
        <div>
          <Btn variant={list.rows?.length ? 'plain' : 'primary'} onClick={() => setAdding(true)}>
            {t('setup.hq.create')}
          </Btn>
        </div>
      ) : (
        <Notice kind="warn">{t('setup.hq.cannot')}</Notice>
      )}
      {adding ? (
        <PartyDialog
          kind="supplier"
          party={null}
          preset={{ code: 'HQ', name: hqName }}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void list.load();
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

export function UsersStep({ onChanged }: { onChanged(): void }) {
  const { t, roles } = useI18n();
  const list = useList<User>(readUsers);
  const [adding, setAdding] = useState(false);
  const others = list.rows?.filter((u) => !(u.roles.length === 1 && u.roles[0] === 'admin')) ?? null;
  return (
    <div className="panel" data-testid="setup-users">
      <div className="muted">{t('setup.users.explain')}</div>
      <ErrorLine error={list.error} />
      {list.rows?.length ? (
        <ul className="setup-list">
          {list.rows.map((u) => (
            <li key={u.id}>
              <b>{u.name}</b> — {roles(ROLES.filter((r) => u.roles.includes(r)))}
            </li>
          ))}
        </ul>
      ) : null}
      {others && !others.length ? <div>{t('setup.users.none')}</div> : null}
      <div>
        <Btn variant="primary" onClick={() => setAdding(true)} data-testid="setup-user-new">
          {t('setup.users.new')}
        </Btn>
      </div>
      {adding ? (
        <UserDialog
          user={null}
          onClose={() => setAdding(false)}
          onSaved={() => {
            void list.load();
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
