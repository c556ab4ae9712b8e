// Where each person finds their own attendance without a new navigation entry (the keys reach 20
// screens): staff on 我的报销's second tab (/my-expenses/attendance); the manager and finance on
// 用户管理's 考勤 tab (/users/attendance, everyone's rows, theirs among them).

import { ScreenTabs } from '../../components/ScreenTabs';
import type { SessionApi } from '../../session';

export function ownMonthPath(s: SessionApi): string {
  return s.can('attendance.pdf') ? '/users/attendance' : '/my-expenses/attendance';
}

/** 我的报销 | 我的考勤 */
export function MyTabs({ on }: { on: 'expenses' | 'attendance' }) {
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'expenses', path: '/my-expenses', label: 'att.tab.expenses', show: true },
        { key: 'attendance', path: '/my-expenses/attendance', label: 'att.tab.attendance', show: true },
      ]}
    />
  );
}
