// The dialogs of the office's key: export the key backup (password twice), import one (file and
// password; also from the log-in screen, where nobody is logged in yet), the manager's new key (PIN).

import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field, Notice } from '../../components/ui';
import { localError, useI18n } from '../../i18n';
import { readKeyFile, saveKeyFile } from './keyFile';

type Done = (message: string) => void;

function PasswordInput(p: { value: string; onChange(v: string): void; testId: string; autoFocus?: boolean }) {
  return (
    <input
      className="input"
      type="password"
      autoComplete="new-password"
      autoFocus={p.autoFocus}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      data-testid={p.testId}
    />
  );
}

export function ExportKeysDialog({ onDone, onCancel }: { onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (pw.length < 8) return setError(localError('okey.password.short'));
    if (pw !== pw2) return setError(localError('okey.password.mismatch'));
    setBusy(true);
    const r = await call('office.exportKeys', { password: pw });
    const saved = r.ok ? await saveKeyFile(r.value) : null;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (saved && 'error' in saved) return setError({ code: 'save_failed', message_zh: saved.error, message_en: saved.error, details: {} });
    if (saved?.saved) onDone(t('okey.exported', { file: saved.saved }));
    else onCancel();
  };
  return (
    <FormDialog title={t('okey.export.title')} width={520} confirmText={t('okey.export')} busy={busy} onConfirm={() => void run()} onCancel={onCancel}>
      <Notice kind="warn">{t('okey.export.hint')}</Notice>
      <Field label={t('okey.password')}>
        <PasswordInput value={pw} onChange={setPw} testId="okey-password" autoFocus />
      </Field>
      <Field label={t('okey.password2')}>
        <PasswordInput value={pw2} onChange={setPw2} testId="okey-password2" />
      </Field>
      <ErrorLine error={error} />
    </FormDialog>
  );
}

export function ImportKeysDialog({ onDone, onCancel }: { onDone(r: Output<'office.importKeys'>, message: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [pw, setPw] = useState('');
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!file) return setError(localError('okey.import.noFile'));
    setBusy(true);
    const r = await call('office.importKeys', { sealedSecrets: await readKeyFile(file), password: pw }, { requestId: newRequestId() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(r.value, t('okey.imported', { keys: r.value.importedKeys, pins: r.value.importedPinSecrets }));
  };
  return (
    <FormDialog title={t('okey.import.title')} width={520} confirmText={t('okey.import')} busy={busy} onConfirm={() => void run()} onCancel={onCancel}>
      <Field label={t('okey.import.file')}>
        <input className="input" type="file" accept=".deskkey" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="okey-file" />
      </Field>
      <Field label={t('okey.password')}>
        <PasswordInput value={pw} onChange={setPw} testId="okey-import-password" />
      </Field>
      <ErrorLine error={error} />
    </FormDialog>
  );
}

export function NewKeyDialog({ onDone, onCancel }: { onDone: Done; onCancel(): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await call('office.newKey', { pin }, { requestId: newRequestId() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(t('okey.newKey.done', { fp: r.value.keys[0]?.fingerprint ?? '' }));
  };
  return (
    <FormDialog
      title={t('okey.newKey.title')}
      width={520}
      confirmText={t('okey.newKey')}
      variant="danger"
      busy={busy}
      onConfirm={() => void run()}
      onCancel={onCancel}
    >
      <Notice kind="warn">{t('okey.newKey.hint')}</Notice>
      <Field label={t('okey.newKey.pin')}>
        <input className="input" type="password" inputMode="numeric" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="okey-pin" />
      </Field>
      <ErrorLine error={error} />
    </FormDialog>
  );
}
