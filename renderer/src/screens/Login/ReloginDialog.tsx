// 请重新登录: the desk restarted or the session expired. Over the current screen, which stays as it
// is (the slip, its lines, a half-typed cell): the same user types the PIN, and what was being done
// when the session was found gone is sent again and carries on. Another user may log in instead
// only by going back to the login screen, after a warning that unsaved changes are dropped.

import { useState } from 'react';
import type { DeskErr } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PinField } from './PinField';

export function ReloginDialog() {
  const { t, roles } = useI18n();
  const session = useSession();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const [other, setOther] = useState(false);
  const user = session.user;
  if (!user) return null;

  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const e = await session.relogin(pin);
    setBusy(false);
    if (e) {
      setError(e);
      setPin('');
    }
  };

  if (other)
    return (
      <Dialog
        title={t('relogin.other')}
        onCancel={() => setOther(false)}
        onConfirm={session.giveUp}
        footer={
          <>
            <Btn onClick={() => setOther(false)} hotkey="Esc">
              {t('common.cancel')}
            </Btn>
            <Btn variant="danger" onClick={session.giveUp} data-autofocus>
              {t('relogin.otherConfirm')}
            </Btn>
          </>
        }
      >
        <p className="dialog-text">{t('relogin.otherText')}</p>
      </Dialog>
    );

  return (
    <Dialog
      title={t('relogin.title')}
      onCancel={() => undefined}
      onConfirm={() => void submit()}
      width={520}
      // scans go on into the slip underneath meanwhile; they reach the desk after the PIN
      scans="pass"
      footer={
        <>
          <Btn onClick={() => setOther(true)}>{t('relogin.other')}</Btn>
          <Btn variant="primary" hotkey="Enter" disabled={busy || pin.length < 4} onClick={() => void submit()}>
            {t('relogin.submit')}
          </Btn>
        </>
      }
    >
      <div className="relogin">
        <p className="dialog-text">{t('relogin.text')}</p>
        <div className="relogin-user">
          <span className="user-name">{user.name}</span>
          <span className="user-roles">{roles(user.roles)}</span>
        </div>
        <PinField
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
        />
        <ErrorLine error={error} />
      </div>
    </Dialog>
  );
}
