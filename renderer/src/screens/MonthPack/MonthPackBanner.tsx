// The shell's 月报 banner (monthPack.banner): from the 20th of the month (office time) until the
// month's pack is signed — or while last month's is still unsigned — finance and the manager see what
// the month still lacks, with a link to the 月报 tab. Read again on every screen change and, while it
// shows, after each write the core took (a day closed, a count approved, the pack signed).

import { useCallback, useEffect, useState } from 'react';
import type { MonthPackBanner as Banner } from '../../../../shared/contract';
import { call, onWritten } from '../../api';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ProblemList } from './MonthPackParts';
import './monthpack.css';

export function MonthPackBanner({ route }: { route: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [banner, setBanner] = useState<Banner>(null);
  const may = session.can('monthPack.status');
  const load = useCallback(() => void (may ? call('monthPack.banner', {}).then((r) => r.ok && setBanner(r.value)) : setBanner(null)), [may]);
  useEffect(load, [load, route]);
  useEffect(() => (banner ? onWritten(load) : undefined), [banner, load]);
  if (!banner) return null;
  return (
    <div className="mp-banner" role="status" data-testid="month-pack-banner">
      <strong>{t('mp.banner.title', { month: banner.month })}</strong>
      {banner.problems.length ? <ProblemList problems={banner.problems} testId="mp-banner-problems" /> : <span>{t('mp.none')}</span>}
      <a
        href="#/aging/monthPack"
        onClick={(e) => {
          e.preventDefault();
          navigate('/aging/monthPack');
        }}
        data-testid="mp-banner-link"
      >
        {t('mp.banner.link')}
      </a>
    </div>
  );
}
