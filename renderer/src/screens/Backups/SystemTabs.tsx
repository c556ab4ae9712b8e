// 用户管理 | 备份: the administrator's system screens share one navigation entry (the keys reach 20
// screens, tests/renderer/key-scheme.test.ts), as 客户档案 | 供应商档案 do; 备份 is /users/backups.

import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function SystemTabs({ on }: { on: 'users' | 'backups' }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session.can('backups.list')) return null;
  const tab = (k: 'users' | 'backups', path: string, label: 'nav.users' | 'nav.backups') => (
    <button type="button" className={`btn ${on === k ? 'on' : ''}`} onClick={() => navigate(path)} data-testid={`system-tab-${k}`}>
      {t(label)}
    </button>
  );
  return (
    <span className="acct-tabs">
      {tab('users', '/users', 'nav.users')}
      {tab('backups', '/users/backups', 'nav.backups')}
    </span>
  );
}
