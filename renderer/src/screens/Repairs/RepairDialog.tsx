// 维修记录 of one item's defective units: how many, the fault, who repaired them, the outcome
// (修复 → back to saleable at once; 报废 / 退回总部 → a draft slip for the manager to sign).

import { useState } from 'react';
import type { DefectiveRow, Repair, RepairOutcome } from '../../../../shared/contract';
import { REPAIR_OUTCOMES } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { parseQty } from '../../numbers';

export function RepairDialog(p: { row: DefectiveRow; onClose(): void; onDone(r: Repair): void }) {
  const { t } = useI18n();
  const [qty, setQty] = useState(String(p.row.availableQty));
  const [fault, setFault] = useState('');
  const [by, setBy] = useState('');
  const [outcome, setOutcome] = useState<RepairOutcome>('repaired');
  const [memo, setMemo] = useState('');
  const w = useWrite();
  const submit = () => {
    const q = parseQty(qty, { field: 'qty', min: 1 });
    if (!q.ok || q.value > p.row.availableQty) return w.setError(localError('rep.badQty', { max: p.row.availableQty }));
    if (!fault.trim()) return w.setError(localError('rep.needFault'));
    if (!by.trim()) return w.setError(localError('rep.needBy'));
    const input = { itemId: p.row.itemId, qty: q.value, fault, repairedBy: by, outcome, ...(memo.trim() ? { memo } : {}) };
    void w.run((requestId) => call('repairs.create', input, { requestId }), p.onDone);
  };
  return (
    <FormDialog
      title={t('rep.dialog', { code: p.row.code, name: p.row.name })}
      confirmText={t('rep.save')}
      busy={w.busy}
      onConfirm={submit}
      onCancel={p.onClose}
    >
      <Field label={t('rep.qty')} hint={`${t('rep.availableQty')} ${p.row.availableQty}`}>
        <input className="input" data-autofocus value={qty} onChange={(e) => setQty(e.target.value)} data-testid="repair-qty" />
      </Field>
      <Field label={t('rep.fault')}>
        <input className="input" value={fault} maxLength={200} onChange={(e) => setFault(e.target.value)} data-testid="repair-fault" />
      </Field>
      <Field label={t('rep.repairedBy')}>
        <input className="input" value={by} maxLength={40} onChange={(e) => setBy(e.target.value)} data-testid="repair-by" />
      </Field>
      <Field label={t('rep.outcome')}>
        <select className="input" value={outcome} onChange={(e) => setOutcome(e.target.value as RepairOutcome)} data-testid="repair-outcome">
          {REPAIR_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`rep.outcome.${o}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('rep.memo')}>
        <input className="input" value={memo} maxLength={500} onChange={(e) => setMemo(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
