// The help overlay (F1): every screen of the user's navigation with its key (转到: the key works
// here too), the keys that work everywhere, and the keys of the screen on show (what its key hints
// and buttons register).

import { useCurrentKeyHelp, type KeyHelpItem } from '../hooks/keyHelp';
import { useI18n } from '../i18n';
import { navKey, type NavEntry } from '../nav';
import { navigate } from '../hooks/router';
import type { KeyMap } from '../hooks/hotkeys';
import { Dialog } from './Dialog';
import { Btn, Kbd } from './ui';

export const GLOBAL_KEYS = ['F1', 'F10'];

function KeyList({ items, testId }: { items: KeyHelpItem[]; testId: string }) {
  return (
    <dl className="key-help-list" data-testid={testId}>
      {items.map(([k, l]) => (
        <div key={k} className="key-help-row">
          <dt>
            <Kbd>{k}</Kbd>
          </dt>
          <dd>{l}</dd>
        </div>
      ))}
    </dl>
  );
}

export function KeyHelpDialog({ nav, current, onClose }: { nav: NavEntry[]; current: string | undefined; onClose(): void }) {
  const { t } = useI18n();
  const here = nav.find((n) => n.path === current);
  const screenKeys = useCurrentKeyHelp().filter(([k]) => !GLOBAL_KEYS.includes(k));
  const goTo: KeyMap = Object.fromEntries(
    nav.map((n, i) => [
      navKey(i),
      () => {
        onClose();
        navigate('/' + n.path);
      },
    ]),
  );
  const everywhere: KeyHelpItem[] = [
    ['F1', t('keys.helpKey')],
    ['F10', t('header.switchUser')],
  ];
  return (
    <Dialog
      title={t('keys.helpTitle', { screen: here ? t(here.label) : t('app.name') })}
      onCancel={onClose}
      onConfirm={onClose}
      width={760}
      keys={{ F1: onClose, ...goTo }}
      scans="pass"
      footer={
        <Btn variant="primary" onClick={onClose} hotkey="Esc" keyHelp={false} data-autofocus>
          {t('keys.close')}
        </Btn>
      }
    >
      <div className="key-help">
        <section>
          <h3>{t('keys.goTo')}</h3>
          <KeyList items={nav.map((n, i) => [navKey(i), t(n.label)])} testId="key-help-nav" />
        </section>
        <section>
          <h3>{t('keys.thisScreen')}</h3>
          {screenKeys.length ? <KeyList items={screenKeys} testId="key-help-screen" /> : <p className="muted">{t('keys.noScreenKeys')}</p>}
          <h3>{t('keys.everywhere')}</h3>
          <KeyList items={everywhere} testId="key-help-global" />
        </section>
      </div>
    </Dialog>
  );
}
