// 红字冲销: the reason, 经理审核 (the manager's PIN) and, for a dispatch or a return (their money
// moves back too), 财务 — someone other than the manager. The reversal is made and opened; the
// original stays as it was. The core decides (slips.reverse); the dialog asks for what it needs.

import { useState } from 'react';
import type { Slip } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { setFlash } from '../../slip/flash';
import { SignoffField, type Signoff } from '../Finance/common';

const EMPTY: Signoff = { user: null, pin: '' };
const ready = (s: Signoff) => s.user !== null && s.pin.length >= 4;

export function ReverseDialog({ slip: s, onClose }: { slip: Slip; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [mgr, setMgr] = useState<Signoff>(EMPTY);
  const [fin, setFin] = useState<Signoff>(EMPTY);
  const money = s.kind === 'dispatch' || s.kind === 'return';
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!reason.trim()) return w.setError(localError('reason.required'));
    if (!ready(mgr) || (money && !ready(fin))) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user!, pin: mgr.pin };
    const finance = money ? { user: fin.user!, pin: fin.pin } : undefined;
    await w.run(
      (requestId) => call('slips.reverse', { slipId: s.id, reason: reason.trim(), manager, ...(finance ? { finance } : {}) }, { requestId }),
      (r) => {
        setFlash(t('slip.reversedFlash', { no: s.no, rev: r.reversal.no }));
        onClose();
        navigate(`/slips/${r.reversal.id}`);
      },
      () => (setMgr((m) => ({ ...m, pin: '' })), setFin((f) => ({ ...f, pin: '' }))),
    );
  };
  return (
    <FormDialog
      title={t('slip.reverseTitle', { no: s.no })}
      confirmText={t('slip.reverse')}
      variant="danger"
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={onClose}
    >
      <p className="dialog-text">{t(money ? 'slip.reverseTextMoney' : 'slip.reverseText')}</p>
      <Field label={t('slip.reverseReason')} wide>
        <input className="input" data-autofocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SignoffField role="manager" label={t('slip.reverseManager')} value={mgr} onChange={setMgr} id="rev-mgr-pin" />
      {money ? <SignoffField role="finance" label={t('dc.finance')} value={fin} onChange={setFin} id="rev-fin-pin" /> : null}
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
