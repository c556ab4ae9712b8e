// 从备份恢复: what restoring a backup does, the administrator's PIN, then backups.restore. The core
// checks the backup first (as `desk restore`), swaps the books and ends every session, so the
// dialog's last step is 重新登录 (back to the log-in screen).

import { useState } from 'react';
import type { BackupFile } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PinInput } from '../../components/people';
import { ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function RestoreDialog({ backup, onCancel }: { backup: BackupFile; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const [kept, setKept] = useState<string | null | undefined>(undefined);

  const restore = async () => {
    if (kept !== undefined) return session.giveUp();
    setBusy(true);
    const r = await call('backups.restore', { file: backup.file, pin });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setKept(r.value.keptAs);
  };

  const done = kept !== undefined;
  return (
    <FormDialog
      title={t('bk.restoreTitle')}
      width={560}
      confirmText={done ? t('bk.loginAgain') : t('bk.restoreGo')}
      variant={done ? 'primary' : 'danger'}
      busy={busy}
      onConfirm={() => void restore()}
      onCancel={done ? () => session.giveUp() : onCancel}
    >
      {done ? (
        <Notice kind="ok">{t('bk.restoreDone', { file: backup.file, kept: kept ?? '—' })}</Notice>
      ) : (
        <>
          <Notice kind="warn">{t('bk.restoreWarn', { file: backup.file, at: backup.madeAt })}</Notice>
          <Field label={t('bk.restorePin')}>
            <PinInput autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="restore-pin" />
          </Field>
          <ErrorLine error={error} />
        </>
      )}
    </FormDialog>
  );
}
