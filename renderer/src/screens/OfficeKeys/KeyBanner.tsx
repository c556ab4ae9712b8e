// The shell's banner when this PC cannot sign (office.keyStatus): the books can be read, nothing can
// be signed or posted until the key backup is imported or the manager makes a new key. Read again on
// every screen change, so it goes once the key is back.

import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import './officekeys.css';

export function KeyBanner({ route }: { route: string }) {
  const { t } = useI18n();
  const [canSign, setCanSign] = useState(true);
  useEffect(() => void call('office.keyStatus', {}).then((r) => r.ok && setCanSign(!r.value.initialised || r.value.canSign)), [route]);
  if (canSign) return null;
  return (
    <div className="setup-banner key-banner" role="alert" data-testid="key-banner">
      <strong>{t('okey.banner.noKey')}</strong>
    </div>
  );
}
