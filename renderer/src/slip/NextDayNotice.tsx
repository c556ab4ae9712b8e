// 今日已日结, 本单记入 2026-11-30: after the close of day the desk books postings to the next
// business day (electron/ledger/daylock.ts postingDate); the slip says so when its date (or the
// date it would be booked to) is after the office's calendar date.

import { Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { useOfficeToday } from '../i18n/clock';

export function NextDayNotice({ date }: { date: string | null | undefined }) {
  const { t } = useI18n();
  const today = useOfficeToday();
  if (!date || date <= today) return null;
  return (
    <div className="next-day-notice">
      <Notice kind="warn">{t('slip.nextDay', { date })}</Notice>
    </div>
  );
}
