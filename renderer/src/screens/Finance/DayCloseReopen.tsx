// 反日结 on the 日结 screen: the manager's dialog (reason first, then the manager's PIN) and the
// notice on a day that was reopened and waits to be closed again. The core decides who may reopen
// which day (dayClose.reopen); the screen offers the button only where it would be allowed.

import { useState } from 'react';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field, Notice } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { formatDateTime } from '../../i18n/clock';
import { localError, useI18n } from '../../i18n';
import { SignoffField, type Signoff } from './common';
import type { Rec } from './dayClose';

export function ReopenDialog(p: { date: string; onCancel(): void; onDone(r: Rec): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!reason.trim()) return w.setError(localError('reason.required'));
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user, pin: mgr.pin };
    await w.run(
      (requestId) => call('dayClose.reopen', { date: p.date, reason: reason.trim(), manager }, { requestId }),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  return (
    <FormDialog
      title={t('ro.title', { date: p.date })}
      confirmText={t('ro.reopen')}
      variant="danger"
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{t('ro.warn')}</p>
      <Field label={t('ro.reason')} wide>
        <input className="input" data-autofocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="ro-mgr-pin" />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** A reopened day not closed again: who reopened it, when and why. */
export function ReopenedNotice({ rec }: { rec: Rec }) {
  const { t } = useI18n();
  if (!rec.reopened) return null;
  const r = rec.reopened;
  return <Notice kind="warn">{t('ro.reopenedBy', { date: rec.date, at: formatDateTime(r.at), name: r.by.name, reason: r.reason })}</Notice>;
}
