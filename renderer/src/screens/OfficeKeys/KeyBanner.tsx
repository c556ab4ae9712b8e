// The shell's banner when this PC cannot sign (office.keyStatus): the books can be read, nothing can
// be signed or posted until the key backup is imported or the manager makes a new key. Read again on
// every screen change and, while it shows, after each write the core took (api.ts onWritten: the
// new key or the import), so it goes as soon as the key is back.

import { useCallback, useEffect, useState } from 'react';
import { call, onWritten } from '../../api';
import { useI18n } from '../../i18n';
import './officekeys.css';

export function KeyBanner({ route }: { route: string }) {
  const { t } = useI18n();
  const [canSign, setCanSign] = useState(true);
  const load = useCallback(() => void call('office.keyStatus', {}).then((r) => r.ok && setCanSign(!r.value.initialised || r.value.canSign)), []);
  useEffect(load, [load, route]);
  useEffect(() => (canSign ? undefined : onWritten(load)), [canSign, load]);
  if (canSign) return null;
  return (
    <div className="key-banner" role="alert" data-testid="key-banner">
      <strong>{t('okey.banner.noKey')}</strong>
    </div>
  );
}
