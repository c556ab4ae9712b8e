// /returns/repairs (维修, a tab of the returns screen): defective stock with the repair dialog, the
// repair records, and 产品质量问题 per item. The keeper records repairs; the manager reads the
// records and the quality list and signs the drafts a scrapped or sent-back record opens.

import { useState } from 'react';
import type { Repair } from '../../../../shared/contract';
import { KeyHints, Notice, Toolbar } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ReturnsTabs } from '../Returns/ReturnsTabs';
import { DefectivePanel } from './DefectivePanel';
import { QualityPanel } from './QualityPanel';
import { RecordsPanel } from './RecordsPanel';

type Sub = 'defective' | 'records' | 'quality';
const SUBS: readonly Sub[] = ['defective', 'records', 'quality'];

export function RepairsScreen() {
  const { t } = useI18n();
  const [sub, setSub] = useState<Sub>('defective');
  const [saved, setSaved] = useState<Repair | null>(null);
  return (
    <div className="screen-col" data-testid="repairs-screen">
      <Toolbar title={t('rep.title')}>
        <ReturnsTabs on="repairs" />
        <span className="acct-tabs">
          {SUBS.map((k) => (
            <button key={k} type="button" className={`btn ${sub === k ? 'on' : ''}`} data-testid={`repairs-sub-${k}`} onClick={() => setSub(k)}>
              {t(`rep.sub.${k}`)}
            </button>
          ))}
        </span>
      </Toolbar>
      {saved ? (
        <Notice kind="ok">
          {saved.outcome === 'repaired' ? t('rep.saved', { no: saved.no }) : t('rep.savedDraft', { no: saved.no, slip: saved.slipNo })}
          {saved.outcome !== 'repaired' ? (
            <>
              {' · '}
              <a href={`#/slips/${saved.slipId}`}>{saved.slipNo}</a>
            </>
          ) : null}
        </Notice>
      ) : null}
      {sub === 'defective' ? <DefectivePanel onSaved={setSaved} /> : sub === 'records' ? <RecordsPanel /> : <QualityPanel />}
      <KeyHints
        items={
          sub === 'defective'
            ? [
                ['F2', t('rep.repair')],
                ['F5', t('keys.refresh')],
              ]
            : []
        }
      />
    </div>
  );
}
