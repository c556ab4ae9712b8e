// The manager's PIN over an order plan or a requisition: signing (订货规划签字, 要货单签发) and the
// recorded end of a requisition (取消 / 短收结案, with a reason). The core decides.

import { useState } from 'react';
import type { ApiResult } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { SignoffField, type Signoff } from '../Finance/common';

interface Props<T> {
  title: string;
  text: string;
  confirmText: string;
  /** a reason is asked for (cancel, close short) */
  withReason?: boolean;
  danger?: boolean;
  send(manager: { user: number | string; pin: string }, reason: string, requestId: string): Promise<ApiResult<T>>;
  onDone(v: T): void;
  onCancel(): void;
}

export function ManagerPinDialog<T>(p: Props<T>) {
  const { t } = useI18n();
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const [reason, setReason] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (p.withReason && !reason.trim()) return w.setError(localError('reason.required'));
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user, pin: mgr.pin };
    await w.run(
      (requestId) => p.send(manager, reason.trim(), requestId),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  return (
    <FormDialog
      title={p.title}
      confirmText={p.confirmText}
      variant={p.danger ? 'danger' : 'primary'}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{p.text}</p>
      {p.withReason ? (
        <Field label={t('rq.reason')} wide>
          <input className="input" data-autofocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="order-reason" />
        </Field>
      ) : null}
      <SignoffField role="manager" label={t('sf.manager')} value={mgr} onChange={setMgr} id="order-mgr-pin" autoFocus={!p.withReason} />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
