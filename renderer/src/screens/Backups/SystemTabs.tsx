// 用户管理 | 备份 | 查阅记录: the system screens share one navigation entry (the keys reach 20
// screens, tests/renderer/key-scheme.test.ts), as 客户档案 | 供应商档案 do; 备份 is /users/backups
// (the administrator's), 查阅记录 /users/reads (the manager's, 保密制度), 考勤 /users/attendance (the
// manager's and finance's: finance opens the entry on it). A tab shows only when the
// core would answer its screen; with no second tab there is no tab row.

import { useSession } from '../../session';
import { ScreenTabs } from '../../components/ScreenTabs';

type Tab = 'users' | 'backups' | 'reads' | 'attendance';
const TABS: readonly {
  k: Tab;
  path: string;
  label: 'nav.users' | 'nav.backups' | 'nav.reads' | 'nav.attendance';
  method: 'users.list' | 'backups.list' | 'reads.log' | 'attendance.pdf';
}[] = [
  { k: 'users', path: '/users', label: 'nav.users', method: 'users.list' },
  { k: 'backups', path: '/users/backups', label: 'nav.backups', method: 'backups.list' },
  { k: 'reads', path: '/users/reads', label: 'nav.reads', method: 'reads.log' },
  { k: 'attendance', path: '/users/attendance', label: 'nav.attendance', method: 'attendance.pdf' },
];

export function SystemTabs({ on }: { on: Tab }) {
  const session = useSession();
  return <ScreenTabs on={on} testIdPrefix="system-tab-" tabs={TABS.map((x) => ({ key: x.k, path: x.path, label: x.label, show: session.can(x.method) }))} />;
}
