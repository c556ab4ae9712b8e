// The close of day says whether the keeper's daily check (每日对账) was done, and by whom.

import type { DayClosePreview } from '../../../../shared/contract';
import { Notice } from '../../components/ui';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';

export function KeeperCheckNotice({ pv }: { pv: DayClosePreview }) {
  const { t } = useI18n();
  const c = pv.keeperCheck;
  if (!c) return <Notice kind="warn">{t('dk.notDone', { date: pv.date })}</Notice>;
  return (
    <Notice kind="info">
      {t('dk.dayDone', { name: c.by.name, at: formatDateTime(c.at), n: c.differences.length })}
      {c.writeoff ? ` · ${t('dk.writeoff', { no: c.writeoff.no })}` : ''}
    </Notice>
  );
}
