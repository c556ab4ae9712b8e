// The close of day's note on advances (借支): what was advanced and returned on the day (already in
// the cash figures) and every advance still open at its end, by person — information, never a blocker.

import type { DayClosePreview } from '../../../../shared/contract';
import { Btn, Notice } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fen } from './common';
import { openAdvancesText } from './advances';

export function OpenAdvancesNotice({ pv }: { pv: DayClosePreview }) {
  const { t } = useI18n();
  const session = useSession();
  const a = pv.advances;
  if (a.open.length === 0 && a.paidFen === 0 && a.returnedFen === 0) return null;
  const total = a.open.reduce((s, x) => s + x.openFen, 0);
  return (
    <Notice kind="info">
      <span data-testid="dayclose-advances">
        {a.paidFen || a.returnedFen ? t('adv.dayToday', { paid: fen(a.paidFen), back: fen(a.returnedFen) }) + ' ' : ''}
        {a.open.length ? t('adv.dayOpen', { n: a.open.length, fen: fen(total), who: openAdvancesText(t, a.open) }) : ''}
      </span>{' '}
      {session.can('advances.list') ? <Btn onClick={() => navigate('/journal/advances')}>{t('adv.go')}</Btn> : null}
    </Notice>
  );
}
