// 作息时间: the manager sets the office's working hours, working weekdays and the deduction per late
// arrival or early leave (the manual: 8:30–12:00, 13:00–17:30, Monday to Friday here, 10 元); under
// them the holidays and swapped workdays (SpecialDays.tsx), each saved at once.

import { useState } from 'react';
import type { AttendanceSettings } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { useI18n, type MsgKey } from '../../i18n';
import { typedFen } from '../Finance/common';
import { SpecialDays } from './SpecialDays';

const TIMES = ['amStart', 'amEnd', 'pmStart', 'pmEnd'] as const;

export function SettingsDialog(p: { settings: AttendanceSettings; onCancel(): void; onDone(s: AttendanceSettings): void }) {
  const { t } = useI18n();
  const [s, setS] = useState(p.settings);
  const [yuan, setYuan] = useState((p.settings.deductionFen / 100).toFixed(2));
  const w = useWrite();
  const toggle = (d: number) => setS((x) => ({ ...x, workdays: x.workdays.includes(d) ? x.workdays.filter((y) => y !== d) : [...x.workdays, d].sort() }));
  const submit = async () => {
    if (w.busy) return;
    const f = typedFen(yuan, 'amount', 0);
    if (!f.ok) return w.setError(f.error);
    await w.run((requestId) => call('attendance.setSettings', { ...s, deductionFen: f.fen }, { requestId }), p.onDone);
  };
  return (
    <FormDialog width={620} title={t('att.settingsTitle')} confirmText={t('common.save')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <div className="form-grid">
        {TIMES.map((k) => (
          <Field key={k} label={t(`att.${k}` as MsgKey)}>
            <input className="input" type="time" value={s[k]} onChange={(e) => setS((x) => ({ ...x, [k]: e.target.value }))} />
          </Field>
        ))}
        <Field label={t('att.workdays')} wide>
          <span className="att-weekdays">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d} className="check">
                <input type="checkbox" checked={s.workdays.includes(d)} onChange={() => toggle(d)} /> {t(`att.wd.${d}` as MsgKey)}
              </label>
            ))}
          </span>
        </Field>
        <Field label={t('att.deductionYuan')}>
          <input className="input num" value={yuan} onChange={(e) => setYuan(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={w.error} />
      <h4 className="att-caption">{t('att.specialDays')}</h4>
      <SpecialDays />
    </FormDialog>
  );
}
