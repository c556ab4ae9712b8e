// Where each person finds their own attendance without a new navigation entry (the keys reach 20
// screens): staff on 我的报销's second tab (/my-expenses/attendance); the manager and finance on
// 用户管理's 考勤 tab (/users/attendance, everyone's rows, theirs among them).

import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import type { SessionApi } from '../../session';

export function ownMonthPath(s: SessionApi): string {
  return s.can('attendance.pdf') ? '/users/attendance' : '/my-expenses/attendance';
}

/** 我的报销 | 我的考勤 */
export function MyTabs({ on }: { on: 'expenses' | 'attendance' }) {
  const { t } = useI18n();
  const tab = (k: 'expenses' | 'attendance', path: string) => (
    <button type="button" className={`btn ${on === k ? 'on' : ''}`} data-tab={k} onClick={() => navigate(path)}>
      {t(k === 'expenses' ? 'att.tab.expenses' : 'att.tab.attendance')}
    </button>
  );
  return (
    <span className="acct-tabs">
      {tab('expenses', '/my-expenses')}
      {tab('attendance', '/my-expenses/attendance')}
    </span>
  );
}
