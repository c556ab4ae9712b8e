// The office's name and date (the office's timezone, not the PC's), the last scan, the last good
// backup (BackupStatus), the language switch.

import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { useOfficeClock, useOfficeToday } from '../i18n/clock';
import { watchScans } from '../scan';
import { useSession } from '../session';
import { LangSwitch } from './LangSwitch';
import { BackupStatus } from './BackupStatus';
import { useDayStatus } from '../screens/Finance/common';

/** After the close of day postings go to the next business day: say which (only once logged in). */
function BusinessDate({ today }: { today: string }) {
  const { t } = useI18n();
  const business = useDayStatus()?.businessDate;
  if (!business || business === today) return null;
  return <span className="status-business">{t('status.businessDate', { date: business })}</span>;
}

export function StatusBar() {
  const session = useSession();
  const { t } = useI18n();
  const clock = useOfficeClock();
  const today = useOfficeToday();
  const [lastScan, setLastScan] = useState<string | null>(null);
  useEffect(() => watchScans((e) => setLastScan(e.code)), []);
  const office = clock.office?.name ?? '';
  return (
    <footer className="status-bar">
      <span className="status-office">{office || t('status.noOffice')}</span>
      <span className="status-sep" />
      <span className="status-today" title={clock.timezone}>
        {t('status.today')} {today}
      </span>
      {session.user ? <BusinessDate today={today} /> : null}
      <span className="status-sep" />
      <span className={`status-scan ${lastScan ? 'has' : ''}`} title={lastScan ?? undefined}>
        {t('status.scanner')}:{' '}
        {lastScan ? t('status.lastScan', { code: lastScan.length > 36 ? `${lastScan.slice(0, 32)}…` : lastScan }) : t('status.scanReady')}
      </span>
      {!clock.online ? <span className="status-offline">{t('status.offline')}</span> : null}
      {session.user ? <BackupStatus key={session.user.id} /> : null}
      <span className="status-grow" />
      <LangSwitch />
    </footer>
  );
}
