// Log a collection call (催收) on an open credit sale: whom was reached, what was said, the date
// the customer promised to pay.

import { useRef, useState } from 'react';
import type { DueRow } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useI18n } from '../../i18n';

export function ChaseDialog(p: { row: DueRow; contact: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [contacted, setContacted] = useState(p.contact);
  const [note, setNote] = useState('');
  const [promised, setPromised] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const rid = useRef(newRequestId());

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const r = await call('receivables.chase', { slipId: p.row.slipId, contacted, note, promisedDate: promised || null }, { requestId: rid.current });
    setBusy(false);
    if (r.ok) return p.onSaved();
    setError(r.error);
    rid.current = newRequestId();
  };

  return (
    <FormDialog
      title={t('co.chaseTitle', { slip: p.row.slipNo, customer: p.row.customerName })}
      confirmText={t('common.save')}
      busy={busy}
      onConfirm={() => void save()}
      onCancel={p.onCancel}
      width={520}
    >
      <div className="form-grid two">
        <Field label={t('co.contacted')}>
          <input className="input" name="contacted" value={contacted} autoFocus onChange={(e) => setContacted(e.target.value)} />
        </Field>
        <Field label={t('co.promised')}>
          <input className="input" type="date" name="promised" value={promised} onChange={(e) => setPromised(e.target.value)} />
        </Field>
        <Field label={t('co.note')} wide>
          <input className="input" name="note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={error} />
    </FormDialog>
  );
}
