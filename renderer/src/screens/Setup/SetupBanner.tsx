// The shell's "still missing" banner: what the office still lacks (office.setupStatus) that this user
// may fix, each a link to the screen that fixes it. Gone once nothing is missing for them.

import type { SetupItem } from '../../../../shared/contract';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fixableBy, useRefreshOnWrite, useSetupStatus } from './setupStatus';
import './setup.css';

export function SetupBanner({ route }: { route: string }) {
  const { t } = useI18n();
  const session = useSession();
  const items = fixableBy(useSetupStatus(route) ?? [], session);
  useRefreshOnWrite(items.some((i) => !i.optional));
  if (!items.length) return null;
  return (
    <div className="setup-banner" role="status" data-testid="setup-banner">
      <strong>{t('setup.banner.title', { n: items.length })}</strong>
      <MissingList items={items} />
    </div>
  );
}

/** Each missing item as a link to its screen (the banner and the setup's last step). */
export function MissingList({ items }: { items: SetupItem[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="setup-missing">
      {items.map((i) => (
        <li key={i.key} data-key={i.key} className={i.optional ? 'optional' : ''}>
          <a
            href={'#/' + i.screen}
            onClick={(e) => {
              e.preventDefault();
              navigate('/' + i.screen);
            }}
          >
            {lang === 'zh' ? i.message_zh : i.message_en}
          </a>
          {i.optional ? <span className="muted"> ({t('setup.banner.optional')})</span> : null}
        </li>
      ))}
    </ul>
  );
}
