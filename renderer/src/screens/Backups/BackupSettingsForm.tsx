// 备份设置: the backup folder (typed, or the OS folder picker in the desktop app) and the daily time
// (HH:mm, office time). The core checks the folder (a full path, exists, writable) when it is saved.

import { useEffect, useState } from 'react';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';

export function BackupSettingsForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const [folder, setFolder] = useState('');
  const [dailyTime, setDailyTime] = useState('18:30');
  const [error, setError] = useState<DeskErr | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void call('backups.settings', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setFolder(r.value.folder ?? '');
      setDailyTime(r.value.dailyTime);
    });
  }, []);

  const choose = async () => {
    const r = await window.desk?.chooseFolder?.();
    if (r?.ok && r.value.folder) setFolder(r.value.folder);
  };
  const save = async () => {
    setSaved(false);
    const r = await call('backups.setSettings', { folder, dailyTime });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    onSaved();
  };

  return (
    <div className="panel backup-settings" data-testid="backup-settings">
      <div className="subhead">{t('bk.settings')}</div>
      <div className="backup-settings-row">
        <Field label={t('bk.folder')} hint={t('bk.folderHint')} wide>
          <input className="input" value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="backup-folder" />
        </Field>
        {window.desk?.chooseFolder ? <Btn onClick={() => void choose()}>{t('bk.choose')}</Btn> : null}
        <Field label={t('bk.dailyTime')} hint={t('bk.dailyHint')}>
          <input
            className="input backup-time"
            value={dailyTime}
            maxLength={5}
            inputMode="numeric"
            placeholder="HH:mm"
            onChange={(e) => setDailyTime(e.target.value)}
            data-testid="backup-time"
          />
        </Field>
        <Btn variant="primary" onClick={() => void save()} data-testid="backup-save">
          {t('bk.save')}
        </Btn>
      </div>
      <div className="muted">{t('bk.keep')}</div>
      <ErrorLine error={error} />
      {saved ? <Notice kind="ok">{t('bk.saved')}</Notice> : null}
    </div>
  );
}
