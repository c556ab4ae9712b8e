// On the log-in screen of a PC without the office's PIN secret (a database restored or copied onto a
// new PC): nobody can log in, so the key backup is imported right here (office.importKeys needs no
// session: it takes only this office's own secrets, and only with the backup's password).

import { useEffect, useState } from 'react';
import { call } from '../../api';
import { Btn, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ImportKeysDialog } from './KeyDialogs';
import './officekeys.css';

export function LoginKeyNote() {
  const { t } = useI18n();
  const [missing, setMissing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const load = () => void call('office.keyStatus', {}).then((r) => r.ok && setMissing(r.value.initialised && !r.value.pinSecretHere));
  useEffect(load, []);
  if (done) return <Notice kind="ok">{done}</Notice>;
  if (!missing) return null;
  return (
    <div className="login-key-note" data-testid="login-key-note">
      <Notice kind="warn">{t('okey.login.noPinSecret')}</Notice>
      <Btn variant="primary" onClick={() => setImporting(true)} data-testid="login-import-keys">
        {t('okey.import')}
      </Btn>
      {importing ? (
        <ImportKeysDialog
          onDone={(_r, message) => {
            setImporting(false);
            setDone(message);
            load();
          }}
          onCancel={() => setImporting(false)}
        />
      ) : null}
    </div>
  );
}
