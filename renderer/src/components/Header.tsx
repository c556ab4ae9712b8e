// Who is at the desk, with every role they hold (兼任 shows several), and the fast user switch.

import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Btn } from './ui';
import { openVerifyDialog } from '../printing/QrDesk';
import { ClockButton } from '../screens/Attendance/ClockDialog';

export function Header({ onSwitch, onHelp }: { onSwitch(): void; onHelp(): void }) {
  const { t, role } = useI18n();
  const session = useSession();
  const u = session.user!;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="app-mark small">仓</span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="who">
        <span className="who-label">{t('header.loggedIn')}</span>
        <span className="who-name">{u.name}</span>
        {u.roles.map((r) => (
          <span key={r} className="role-chip">
            {role(r)}
          </span>
        ))}
        {u.roles.length > 1 ? <span className="who-multi">{t('header.multiRole')}</span> : null}
        <ClockButton />
        <Btn onClick={openVerifyDialog} title={t('qr.headerHint')} data-testid="verify-slip">
          {t('qr.pasteTitle')}
        </Btn>
        <Btn onClick={onHelp} hotkey="F1" data-testid="key-help">
          {t('keys.help')}
        </Btn>
        <Btn onClick={onSwitch} hotkey="F10">
          {t('header.switchUser')}
        </Btn>
        <Btn onClick={() => void session.logout()}>{t('header.logout')}</Btn>
      </div>
    </header>
  );
}
