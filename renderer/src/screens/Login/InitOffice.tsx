// First start: name the office and its first administrator; the administrator's first log-in then
// opens the setup flow (开账向导).

import { useRef, useState } from 'react';
import { call, newRequestId, type DeskErr } from '../../api';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { markFreshOffice } from '../Setup/setupStatus';

export function InitOffice({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [admin, setAdmin] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<DeskErr | null>(null);
  const rid = useRef(newRequestId());
  const submit = async () => {
    const r = await call('office.init', { name, admin: { name: admin, pin } }, { requestId: rid.current });
    if (r.ok) {
      markFreshOffice();
      onDone();
    } else {
      setError(r.error);
      rid.current = newRequestId();
    }
  };
  return (
    <form
      className="init-office"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>{t('init.explain')}</p>
      <Field label={t('init.officeName')} wide>
        <input className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('init.adminName')}>
        <input className="input" value={admin} onChange={(e) => setAdmin(e.target.value)} />
      </Field>
      <Field label={t('login.pin')}>
        <input className="input" type="password" value={pin} onChange={(e) => setPin(e.target.value)} />
      </Field>
      <ErrorLine error={error} />
      <Btn variant="primary" type="submit" hotkey="Enter">
        {t('init.submit')}
      </Btn>
    </form>
  );
}
