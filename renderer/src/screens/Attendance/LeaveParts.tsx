// Leave (请假): the person's request (F2) and the manager's decision with his PIN — one day he
// approves; two days or more he records as approved by HQ with HQ's reference (the core refuses
// otherwise and says so); sick leave with the hospital certificate seen.

import { useState } from 'react';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PinInput } from '../../components/people';
import { ErrorLine, Field, Notice } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { today } from '../../i18n/clock';
import { leaveKindName, type Leave } from './attendance';

const KINDS: Leave['kind'][] = ['personal', 'sick', 'other'];

export function NewLeaveDialog(p: { onCancel(): void; onDone(l: Leave): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Leave['kind']>('personal');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [reason, setReason] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!from || !to) return w.setError(localError('att.needDates'));
    if (!reason.trim()) return w.setError(localError('att.needReason'));
    await w.run((requestId) => call('attendance.requestLeave', { kind, from, to, reason: reason.trim() }, { requestId }), p.onDone);
  };
  return (
    <FormDialog title={t('att.leaveTitle')} confirmText={t('common.save')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <p className="dialog-text">{t('att.leaveText')}</p>
      <div className="form-grid">
        <Field label={t('att.kind')}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as Leave['kind'])} data-testid="leave-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {leaveKindName(t, k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('att.from')}>
          <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="leave-from" />
        </Field>
        <Field label={t('att.to')}>
          <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="leave-to" />
        </Field>
        <Field label={t('att.reason')} wide>
          <input className="input" autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="leave-reason" />
        </Field>
      </div>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function DecideLeaveDialog(p: { leave: Leave; decision: 'approve' | 'reject'; onCancel(): void; onDone(l: Leave): void }) {
  const { t } = useI18n();
  const l = p.leave;
  const [pin, setPin] = useState('');
  const [hqRef, setHqRef] = useState('');
  const [certificate, setCertificate] = useState(false);
  const [note, setNote] = useState('');
  const w = useWrite();
  const approve = p.decision === 'approve';
  const submit = async () => {
    if (w.busy) return;
    if (pin.length < 4) return w.setError(localError('att.needPin'));
    const input = {
      leaveId: l.id,
      decision: p.decision,
      pin,
      hqRef: hqRef.trim() || undefined,
      certificate: l.kind === 'sick' ? certificate : undefined,
      note: note.trim() || undefined,
    };
    await w.run(
      (requestId) => call('attendance.decideLeave', input, { requestId }),
      p.onDone,
      () => setPin(''),
    );
  };
  return (
    <FormDialog
      title={t('att.decideTitle', { name: l.user.name, from: l.from, to: l.to, days: l.days })}
      confirmText={t(approve ? 'att.approve' : 'att.reject')}
      variant={approve ? 'primary' : 'danger'}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{t('att.decideText', { kind: leaveKindName(t, l.kind), reason: l.reason })}</p>
      {approve && l.days >= 2 ? <Notice kind="warn">{t('att.needsHq')}</Notice> : null}
      <div className="form-grid">
        {approve ? (
          <Field label={t('att.hqRef')} wide>
            <input className="input" value={hqRef} maxLength={60} onChange={(e) => setHqRef(e.target.value)} data-testid="leave-hqref" />
          </Field>
        ) : null}
        {approve && l.kind === 'sick' ? (
          <label className="check wide">
            <input type="checkbox" checked={certificate} onChange={(e) => setCertificate(e.target.checked)} /> {t('att.certificate')}
          </label>
        ) : null}
        <Field label={t('att.note')} wide>
          <input className="input" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <Field label={t('att.pin')}>
          <PinInput id="leave-pin" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="leave-pin" />
        </Field>
      </div>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
