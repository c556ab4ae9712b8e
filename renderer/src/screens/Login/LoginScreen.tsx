// Log in: who is at the desk (user picker from auth.users) and their PIN.

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { useI18n } from '../../i18n';
import { loadOfficeClock } from '../../i18n/clock';
import { useSession } from '../../session';
import { LangSwitch } from '../../components/LangSwitch';
import { UserPinForm } from './UserPinForm';
import { InitOffice } from './InitOffice';
import { LoginKeyNote } from '../OfficeKeys/LoginKeyNote';

export function LoginScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [office, setOffice] = useState<Output<'office.get'> | null>(null);
  // the office's clock too: a new office's timezone dates the screens from here on
  const load = () => void loadOfficeClock().then((r) => r.ok && setOffice(r.value));
  useEffect(load, []);

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-head">
          <div className="app-mark">仓</div>
          <div>
            <h1>{t('app.name')}</h1>
            <div className="login-office">{office?.office?.name ?? ''}</div>
          </div>
          <div className="login-lang">
            <LangSwitch />
          </div>
        </div>
        {office && !office.initialised ? (
          <InitOffice onDone={load} />
        ) : (
          <>
            <LoginKeyNote />
            <UserPinForm
              submitLabel={t('login.submit')}
              onSubmit={async (id, pin) => {
                const r = await session.login(id, pin);
                return r.ok ? null : r.error;
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
