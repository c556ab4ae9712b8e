// 提议定额 (keeper, statistician) and 审批提议 (the manager, with the PIN): the figure, the reason
// and the usage it rests on, said in words; the core decides (safety.propose / safety.decide).

import { useState } from 'react';
import type { SafetyProposal, SafetyRow } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, refusalError, useI18n } from '../../i18n';
import { parseQty } from '../../numbers';
import { SignoffField, type Signoff } from '../Finance/common';
import { milliText } from './safetyColumns';

interface Window {
  windowDays: number;
  coverDays: number;
}

export function ProposeDialog({ row, win, onDone, onCancel }: { row: SafetyRow; win: Window; onDone(p: SafetyProposal): void; onCancel(): void }) {
  const { t } = useI18n();
  const [qty, setQty] = useState(String(row.usage.suggested));
  const [reason, setReason] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    const q = parseQty(qty, { field: 'safetyStock', min: 0 });
    if (!q.ok) return w.setError(refusalError(q.refusal));
    if (!reason.trim()) return w.setError(localError('reason.required'));
    await w.run((requestId) => call('safety.propose', { itemId: row.itemId, qty: q.value, reason: reason.trim(), ...win }, { requestId }), onDone);
  };
  const u = row.usage;
  return (
    <FormDialog
      title={t('sf.proposeTitle', { code: row.itemCode, name: row.itemName })}
      confirmText={t('sf.propose')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <p className="dialog-text">
        {t('sf.proposeText', {
          window: u.windowDays,
          sold: u.soldQty,
          unit: row.unit,
          avg: milliText(u.avgDailyMilli),
          cover: u.coverDays,
          suggested: u.suggested,
          current: row.safetyStock,
        })}
      </p>
      <Field label={t('sf.qty')}>
        <input className="input narrow" data-autofocus inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} data-testid="safety-qty" />
      </Field>
      <Field label={t('sf.reason')} wide>
        <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="safety-reason" />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function DecideDialog({ p, onDone, onCancel }: { p: SafetyProposal; onDone(p: SafetyProposal): void; onCancel(): void }) {
  const { t } = useI18n();
  const [approve, setApprove] = useState(true);
  const [note, setNote] = useState('');
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user, pin: mgr.pin };
    await w.run(
      (requestId) => call('safety.decide', { proposalId: p.id, approve, note: note.trim(), manager }, { requestId }),
      onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  const u = p.usage;
  return (
    <FormDialog
      title={t('sf.decideTitle', { code: p.itemCode, name: p.itemName })}
      confirmText={approve ? t('sf.approve') : t('sf.reject')}
      variant={approve ? 'primary' : 'danger'}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <p className="dialog-text">
        {t('sf.decideText', {
          by: p.proposedBy.name,
          from: p.fromQty,
          qty: p.qty,
          unit: p.unit,
          reason: p.reason,
          asOf: p.asOf,
          window: u.windowDays,
          sold: u.soldQty,
          avg: milliText(u.avgDailyMilli),
          cover: u.coverDays,
          suggested: u.suggested,
        })}
      </p>
      <Field label={t('sf.decide')}>
        <select
          className="input narrow"
          data-autofocus
          value={approve ? 'yes' : 'no'}
          onChange={(e) => setApprove(e.target.value === 'yes')}
          data-testid="safety-approve"
        >
          <option value="yes">{t('sf.approve')}</option>
          <option value="no">{t('sf.reject')}</option>
        </select>
      </Field>
      <Field label={t('sf.note')} wide>
        <input className="input" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <SignoffField role="manager" label={t('sf.manager')} value={mgr} onChange={setMgr} id="safety-mgr-pin" />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
