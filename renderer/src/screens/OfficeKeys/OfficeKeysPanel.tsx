// 用户管理 → 密钥与 PIN (F7; admin, manager): whether this PC holds the office's signing key and PIN
// secret and how it keeps them, every key the office has signed with, the length of new PINs, and
// the key backup (admin: export, import) and a new key (manager, his PIN).

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { KeyStatus } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/clock';
import { useSession } from '../../session';
import { ExportKeysDialog, ImportKeysDialog, NewKeyDialog } from './KeyDialogs';

type KeyRow = KeyStatus['keys'][number];
type Open = 'export' | 'import' | 'newKey' | null;

function useKeyColumns(): ColDef<KeyRow>[] {
  const { t } = useI18n();
  return useMemo<ColDef<KeyRow>[]>(
    () => [
      { field: 'fingerprint', headerName: t('okey.fingerprint'), flex: 1, minWidth: 330, cellClass: 'mono' },
      { colId: 'createdAt', headerName: t('okey.createdAt'), width: 160, valueGetter: (p) => formatDateTime(p.data?.createdAt) },
      {
        colId: 'retiredAt',
        headerName: t('okey.retiredAt'),
        width: 160,
        valueGetter: (p) => (p.data?.retiredAt ? formatDateTime(p.data.retiredAt) : t('okey.current')),
      },
      { colId: 'here', headerName: t('okey.here'), width: 110, valueGetter: (p) => t(p.data?.here ? 'okey.yes' : 'okey.no') },
    ],
    [t],
  );
}

function PinLengthField({ onSaved, onError }: { onSaved(msg: string): void; onError(e: DeskErr): void }) {
  const { t } = useI18n();
  const [digits, setDigits] = useState<4 | 6 | null>(null);
  useEffect(() => void call('office.get', {}).then((r) => r.ok && setDigits(r.value.office?.pinLength ?? 4)), []);
  const save = async (d: 4 | 6) => {
    const r = await call('office.setPinLength', { pinLength: d }, { requestId: newRequestId() });
    if (!r.ok) return onError(r.error);
    setDigits(d);
    onSaved(t('okey.pinLength.saved', { what: t(d === 6 ? 'okey.pinLength.6' : 'okey.pinLength.4') }));
  };
  return (
    <Field label={t('okey.pinLength')}>
      <select
        className="input"
        value={digits ?? 4}
        disabled={digits === null}
        onChange={(e) => void save(Number(e.target.value) as 4 | 6)}
        data-testid="okey-pin-length"
      >
        <option value={4}>{t('okey.pinLength.4')}</option>
        <option value={6}>{t('okey.pinLength.6')}</option>
      </select>
    </Field>
  );
}

export function OfficeKeysPanel() {
  const { t } = useI18n();
  const session = useSession();
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const cols = useKeyColumns();
  const load = useCallback(() => void call('office.keyStatus', {}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error))), []);
  useEffect(load, [load]);
  const finish = (message: string) => {
    setOpen(null);
    setError(null);
    setDone(message);
    load();
  };
  const yesNo = (b: boolean | undefined) => t(b ? 'okey.yes' : 'okey.no');

  return (
    <div className="screen-col okey-panel" data-testid="office-keys">
      <h3>{t('okey.title')}</h3>
      <div className="okey-facts">
        <Field label={t('okey.keptBy')}>{status ? t(status.keptBy === 'safeStorage' ? 'okey.keptBy.safeStorage' : 'okey.keptBy.file') : ''}</Field>
        <Field label={t('okey.canSign')}>
          <span data-testid="okey-can-sign">{yesNo(status?.canSign)}</span>
        </Field>
        <Field label={t('okey.pinSecret')}>{yesNo(status?.pinSecretHere)}</Field>
        {session.can('office.setPinLength') ? <PinLengthField onSaved={setDone} onError={setError} /> : null}
      </div>
      <div className="okey-actions">
        {session.can('office.exportKeys') ? (
          <Btn variant="primary" onClick={() => setOpen('export')} data-testid="okey-export">
            {t('okey.export')}
          </Btn>
        ) : null}
        <Btn onClick={() => setOpen('import')} data-testid="okey-import">
          {t('okey.import')}
        </Btn>
        {session.can('office.newKey') ? (
          <Btn variant="danger" onClick={() => setOpen('newKey')} data-testid="okey-new-key">
            {t('okey.newKey')}
          </Btn>
        ) : null}
      </div>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <Grid<KeyRow> rowData={status?.keys ?? []} columnDefs={cols} getRowId={(x) => x.data.fingerprint} height={220} />
      {open === 'export' ? <ExportKeysDialog onDone={finish} onCancel={() => setOpen(null)} /> : null}
      {open === 'import' ? <ImportKeysDialog onDone={(_r, m) => finish(m)} onCancel={() => setOpen(null)} /> : null}
      {open === 'newKey' ? <NewKeyDialog onDone={finish} onCancel={() => setOpen(null)} /> : null}
    </div>
  );
}
