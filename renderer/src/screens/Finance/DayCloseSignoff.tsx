// 日结, the sign-off: the difference reason, finance's and the statistician's PINs, the manager's
// when something does not agree, and the 日结 button (F9).

import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { SignoffField } from './common';
import type { DayClose } from './useDayClose';

interface Props {
  dc: DayClose;
  countedFen: number;
  needManager: boolean;
  busy: boolean;
  onClose(): void;
}

export function DayCloseSignoff({ dc, countedFen, needManager, busy, onClose }: Props) {
  const { t } = useI18n();
  const { pv, stmt, signoffs: so } = dc;
  // the manager is asked for once something has been counted or typed (or a check fails)
  const askManager = needManager && (countedFen > 0 || Object.values(stmt).some((v) => v.trim()) || !pv?.allPass);
  return (
    <>
      <h2>{t('dc.signoff')}</h2>
      {askManager ? <Notice kind="warn">{t('dc.managerNeeded')}</Notice> : null}
      <Field label={t('dc.reason')} wide>
        <input className="input" value={dc.reason} maxLength={200} onChange={(e) => dc.setReason(e.target.value)} />
      </Field>
      <div className="signoff-row">
        <SignoffField role="finance" label={t('dc.finance')} value={so.fin} onChange={so.setFin} id="dc-fin-pin" />
        <SignoffField role="statistician" label={t('dc.statistician')} value={so.stat} onChange={so.setStat} id="dc-stat-pin" />
        {needManager ? <SignoffField role="manager" label={t('dc.manager')} value={so.mgr} onChange={so.setMgr} id="dc-mgr-pin" /> : null}
      </div>
      <div>
        <Btn variant="primary" hotkey="F9" disabled={busy || !pv?.canClose} onClick={onClose}>
          {t('dc.close')}
        </Btn>
      </div>
      <ErrorLine error={dc.closeErr} />
    </>
  );
}
