// The status bar's word on backups (backups.status, any logged-in user): 上次备份 HH:mm (with the date
// when not today), or ⚠ 已 N 天没有备份 from the second day without a good one. Read on log-in, each
// minute, and when the 备份 screen says a backup or restore happened (BACKUPS_CHANGED).

import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus as Status } from '../../../shared/contract';
import { call } from '../api';
import { useI18n } from '../i18n';
import { formatDateTime, formatTime, useOfficeToday } from '../i18n/clock';

/** A window event the 备份 screen sends after a backup, so the status bar reads again at once. */
export const BACKUPS_CHANGED = 'desk-backups-changed';

export function BackupStatus() {
  const { t } = useI18n();
  const today = useOfficeToday();
  const [s, setS] = useState<Status | null>(null);
  const load = useCallback(async () => {
    const r = await call('backups.status', {});
    setS(r.ok ? r.value : null);
  }, []);
  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), 60_000);
    const again = () => void load();
    window.addEventListener(BACKUPS_CHANGED, again);
    return () => {
      clearInterval(id);
      window.removeEventListener(BACKUPS_CHANGED, again);
    };
  }, [load]);
  if (!s) return null;
  const lastFailed = s.last && !s.last.ok ? ` ${t('status.backupLastFailed')}` : '';
  let text: string;
  if (!s.configured) text = t('status.backupNoFolder');
  else if (!s.lastGoodAt) text = t('status.backupNever');
  else if (s.warn) text = t('status.backupDays', { days: s.daysWithout ?? 0 });
  else {
    const at = formatDateTime(s.lastGoodAt);
    text = t('status.backupAt', { at: at.startsWith(today) ? formatTime(s.lastGoodAt) : at.slice(5) });
  }
  return (
    <span className={`status-backup ${s.warn || lastFailed ? 'warn' : ''}`} data-testid="status-backup" title={s.last?.message || undefined}>
      {text}
      {lastFailed}
    </span>
  );
}
