// The inbound slip's 对应要货单: the signed requisitions still expecting goods, with what is
// outstanding; the one already chosen stays in the list whatever its state. The core refuses one
// that is not open (requisition_not_open).

import { useEffect, useState } from 'react';
import type { RequisitionSummary } from '../../../../shared/contract';
import { call } from '../../api';
import { Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function RequisitionPicker({ value, disabled, onChange }: { value: number | null; disabled: boolean; onChange(id: number | null): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState<RequisitionSummary[]>([]);
  const [current, setCurrent] = useState<{ id: number; no: string } | null>(null);
  const canRead = session.can('requisitions.list');
  useEffect(() => {
    if (canRead) void call('requisitions.list', { state: 'signed', limit: 200 }).then((r) => r.ok && setOpen(r.value.rows));
  }, [canRead]);
  useEffect(() => {
    if (canRead && value !== null && !open.some((r) => r.id === value))
      void call('requisitions.get', { requisitionId: value }).then((r) => r.ok && setCurrent({ id: r.value.id, no: r.value.no }));
  }, [canRead, value, open]);
  if (!canRead) return null;
  return (
    <Field label={t('rq.picker')}>
      <select
        className="input"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        data-testid="inbound-requisition"
      >
        <option value="">{t('rq.pickerNone')}</option>
        {current && !open.some((r) => r.id === current.id) ? <option value={current.id}>{current.no}</option> : null}
        {open.map((r) => (
          <option key={r.id} value={r.id}>
            {t('rq.pickerOption', { no: r.no, outstanding: r.outstanding })}
          </option>
        ))}
      </select>
    </Field>
  );
}
