// 节假日与调休: the manager marks a public holiday (放假) or a weekend day worked instead (补班) with its
// name, or returns a day to the weekly pattern; report B and leave follow them at once.

import { useEffect, useState } from 'react';
import type { SpecialDay } from '../../../../shared/contract';
import { call } from '../../api';
import { Btn, ErrorLine } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { useI18n } from '../../i18n';

type Kind = 'holiday' | 'workday' | 'normal';
const WORKDAY: Record<Kind, boolean | null> = { holiday: false, workday: true, normal: null };

export function SpecialDays() {
  const { t } = useI18n();
  const [days, setDays] = useState<SpecialDay[]>([]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const w = useWrite();
  const { setError } = w;
  useEffect(() => {
    void call('attendance.settings', {}).then((r) => (r.ok ? setDays(r.value.specialDays) : setError(r.error)));
  }, [setError]);
  const save = async () => {
    if (w.busy || !date) return;
    await w.run(
      (requestId) => call('attendance.setDay', { date, workday: WORKDAY[kind], name: name.trim() }, { requestId }),
      (v) => {
        setDays(v.specialDays);
        setName('');
        setError(null);
      },
    );
  };
  const shown = days.slice(-8);
  return (
    <div className="att-special">
      <div className="att-special-row">
        <input className="input date" type="date" aria-label={t('att.day')} value={date} onChange={(e) => setDate(e.target.value)} data-testid="special-date" />
        <select className="input narrow-select" value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="special-kind">
          <option value="holiday">{t('att.holiday')}</option>
          <option value="workday">{t('att.swapped')}</option>
          <option value="normal">{t('att.normalDay')}</option>
        </select>
        <input className="input" placeholder={t('att.dayName')} maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        <Btn onClick={() => void save()} disabled={w.busy || !date}>
          {t('att.setDay')}
        </Btn>
      </div>
      <ErrorLine error={w.error} />
      <div className="att-special-list">
        {shown.map((d) => (
          <span key={d.date} className={d.workday ? 'att-swapped' : 'att-holiday'}>
            {d.date} {d.workday ? t('att.swapped') : t('att.holiday')} {d.name}
          </span>
        ))}
      </div>
    </div>
  );
}
