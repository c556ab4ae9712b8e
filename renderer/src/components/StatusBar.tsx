// Office name (office.get), the last scan, the language switch.

import { useEffect, useState } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import { watchScans } from '../scan';
import { LangSwitch } from './LangSwitch';
import { todayStr } from './grid';

export function StatusBar() {
  const { t } = useI18n();
  const [office, setOffice] = useState<string>('');
  const [lastScan, setLastScan] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    void call('office.get', {}).then((r) => {
      setOnline(r.ok || r.error.code !== 'network');
      if (r.ok) setOffice(r.value.office?.name ?? '');
    });
  }, []);
  useEffect(() => watchScans((e) => setLastScan(e.code)), []);
  return (
    <footer className="status-bar">
      <span className="status-office">{office || t('status.noOffice')}</span>
      <span className="status-sep" />
      <span>
        {t('status.today')} {todayStr()}
      </span>
      <span className="status-sep" />
      <span className={`status-scan ${lastScan ? 'has' : ''}`} title={lastScan ?? undefined}>
        {t('status.scanner')}:{' '}
        {lastScan ? t('status.lastScan', { code: lastScan.length > 36 ? `${lastScan.slice(0, 32)}…` : lastScan }) : t('status.scanReady')}
      </span>
      {!online ? <span className="status-offline">{t('status.offline')}</span> : null}
      <span className="status-grow" />
      <LangSwitch />
    </footer>
  );
}
