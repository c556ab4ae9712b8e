// The dialogs of the expense claims: a new claim (F2), the manager's approval with the PIN (F6),
// finance paying from cash (现付, F9) and voiding with a reason (F8).

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { ConfirmDialog, ReasonDialog } from '../../components/dialogs';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, refusalError, useI18n } from '../../i18n';
import { fen, SignoffField, typedFen, type Signoff } from './common';
import { parseQty } from '../../numbers';
import type { Claim } from './expenses';

export function NewClaimDialog(p: { onCancel(): void; onDone(c: Claim): void }) {
  const { t, lang } = useI18n();
  const [cats, setCats] = useState<Output<'expenses.categories'>>([]);
  const [category, setCategory] = useState('');
  const [amount, setAmount] = useState('');
  const [attachments, setAttachments] = useState('0');
  const [summary, setSummary] = useState('');
  const w = useWrite();
  const { setError } = w;
  useEffect(() => {
    void call('expenses.categories', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      const act = r.value.filter((c) => c.active);
      setCats(act);
      setCategory((c) => c || act[0]?.name || '');
    });
  }, [setError]);
  const submit = async () => {
    if (w.busy) return;
    const f = typedFen(amount);
    if (!f.ok) return setError(f.error);
    if (!summary.trim()) return setError(localError('reason.required'));
    // the contract's bound on attachments (shared/schemas/expenses.ts)
    const count = parseQty(attachments.trim() === '' ? '0' : attachments, { field: 'attachments', min: 0, max: 999 });
    if (!count.ok) return setError(refusalError(count.refusal));
    await w.run(
      (requestId) => call('expenses.create', { category, amountFen: f.fen, attachments: count.value, summary: summary.trim() }, { requestId }),
      p.onDone,
    );
  };
  return (
    <FormDialog title={t('ex.new')} confirmText={t('common.save')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <div className="form-grid">
        <Field label={t('ex.category')}>
          <select className="input" value={category} onChange={(e) => setCategory(e.target.value)}>
            {cats.map((c) => (
              <option key={c.name} value={c.name}>
                {lang === 'zh' || !c.nameEn ? c.name : c.nameEn}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fin.amountYuan')}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('ex.attachments')}>
          <input className="input num narrow" inputMode="numeric" value={attachments} onChange={(e) => setAttachments(e.target.value)} />
        </Field>
        <Field label={t('ex.summary')} wide>
          <input className="input" value={summary} maxLength={200} onChange={(e) => setSummary(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** 经理审批: the manager picks themself and types the PIN; a wrong PIN clears only the PIN. */
export function ApproveDialog(p: { claim: Claim; onCancel(): void; onDone(c: Claim): void }) {
  const { t } = useI18n();
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user, pin: mgr.pin };
    await w.run(
      (requestId) => call('expenses.approve', { expenseId: p.claim.id, manager }, { requestId }),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  return (
    <FormDialog
      title={t('ex.approveTitle', { no: p.claim.no, fen: fen(p.claim.amountFen) })}
      confirmText={t('ex.approve')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">
        {p.claim.category} · {p.claim.summary} · {p.claim.claimant.name}
      </p>
      <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="ex-mgr-pin" autoFocus />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** 现付: finance pays an approved claim from cash. */
export function PayDialog(p: { claim: Claim; onCancel(): void; onDone(v: Output<'expenses.pay'>): void }) {
  const { t } = useI18n();
  const w = useWrite();
  const pay = async () => {
    if (w.busy) return;
    await w.run((requestId) => call('expenses.pay', { expenseId: p.claim.id }, { requestId }), p.onDone);
  };
  return (
    <ConfirmDialog title={t('ex.pay')} confirmText={t('ex.pay')} busy={w.busy} error={w.error} onCancel={p.onCancel} onConfirm={() => void pay()}>
      <p className="dialog-text">{t('ex.payConfirm', { no: p.claim.no, fen: fen(p.claim.amountFen) })}</p>
    </ConfirmDialog>
  );
}

export function VoidClaimDialog(p: { claim: Claim; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const { claim } = p;
  return (
    <ReasonDialog
      title={t('ex.voidTitle', { no: claim.no })}
      label={t('ex.voidReason')}
      confirmText={t('ex.void')}
      onCancel={p.onCancel}
      run={async (reason, requestId) => {
        const r = await call('expenses.void', { expenseId: claim.id, reason }, { requestId });
        return r.ok ? null : r.error;
      }}
      onDone={p.onDone}
    >
      <p className="dialog-text">
        {claim.no} · {claim.category} · ¥{fen(claim.amountFen)} · {claim.summary}
      </p>
    </ReasonDialog>
  );
}
