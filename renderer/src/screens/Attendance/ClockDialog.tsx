// 签到/签退 at the desk: the person picks their own name (the logged-in user first) and types their
// own PIN; F2 signs in, F3 signs out. The dialog stays open for the next person and says what the
// desk recorded (time, minutes late or early); a wrong PIN or a second sign-in is said as the core says it.

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { call, newRequestId, type DeskErr } from '../../api';
import { Dialog } from '../../components/Dialog';
import { PersonSelect, PinInput, useUsers } from '../../components/people';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { clockText } from './attendance';
import { ownMonthPath } from './AttendanceTabs';

export function ClockDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const users = useUsers();
  const [userId, setUserId] = useState<number | ''>(session.user?.id ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [hours, setHours] = useState('');
  useEffect(() => {
    void call('attendance.settings', {}).then(
      (r) => r.ok && setHours(t('att.hours', { amStart: r.value.amStart, amEnd: r.value.amEnd, pmStart: r.value.pmStart, pmEnd: r.value.pmEnd })),
    );
  }, [t]);

  const send = async (kind: 'in' | 'out') => {
    if (busy) return;
    if (pin.length < 4) return setError(localError('att.needPin'));
    const userName = users.find((u) => u.id === userId)?.name;
    setBusy(true);
    const r = await call('attendance.clock', { userName, pin, kind }, { requestId: newRequestId() });
    setBusy(false);
    setPin('');
    setError(r.ok ? null : r.error);
    setDone(r.ok ? clockText(t, r.value) : null);
  };
  const footer = (
    <>
      <Btn onClick={onClose} hotkey="Esc">
        {t('att.close')}
      </Btn>
      <Btn onClick={() => void send('out')} hotkey="F3" disabled={busy} data-testid="clock-out">
        {t('att.out')}
      </Btn>
      <Btn variant="primary" onClick={() => void send('in')} hotkey="F2" disabled={busy} data-testid="clock-in">
        {t('att.in')}
      </Btn>
    </>
  );
  return (
    <Dialog title={t('att.clockTitle')} onCancel={onClose} footer={footer} keys={{ F2: () => void send('in'), F3: () => void send('out') }}>
      <p className="dialog-text">{t('att.clockText')}</p>
      {hours ? <p className="dialog-text muted">{hours}</p> : null}
      <div className="form-grid">
        <Field label={t('att.person')}>
          <PersonSelect people={users} value={userId} onChange={setUserId} />
        </Field>
        <Field label={t('att.pin')}>
          <PinInput id="clock-pin" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="clock-pin" />
        </Field>
      </div>
      {done ? (
        <Notice kind="ok">
          <span className="att-clock-done">{done}</span>
        </Notice>
      ) : null}
      <ErrorLine error={error} />
      <p>
        <Btn
          onClick={() => {
            onClose();
            navigate(ownMonthPath(session));
          }}
        >
          {t('att.myMonth')}
        </Btn>
      </p>
    </Dialog>
  );
}

/** The header's 签到/签退 button and its dialog (on the page's body: the header's colours are not the dialog's). */
export function ClockButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Btn onClick={() => setOpen(true)} data-testid="clock-button">
        {t('att.clockButton')}
      </Btn>
      {open ? createPortal(<ClockDialog onClose={() => setOpen(false)} />, document.body) : null}
    </>
  );
}
