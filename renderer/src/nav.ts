// The left navigation, by role: a screen a role may not use is not offered. Each entry has a key
// that can be pressed on any keyboard: Alt+1 … Alt+9 for the first nine of the user's screens,
// Ctrl+Alt+1 … Ctrl+Alt+9 for the next nine (no Alt+10; no letters, which are the window menu's
// 文件(F)/编辑(E)… and the browser's; nothing an input method uses: Ctrl+Space, Ctrl+Shift, Alt+Shift).

import type { MsgKey } from './i18n';
import type { SessionApi } from './session';
import { IMPORT_ACCESS_METHOD, IMPORT_KINDS } from '../../shared/sheets';
import { REPORT_METHODS } from './screens/Reports/tabs';

export interface NavEntry {
  path: string;
  label: MsgKey;
  show(s: SessionApi): boolean;
}

export const NAV: NavEntry[] = [
  { path: 'inbound', label: 'nav.inbound', show: (s) => s.canCreate('inbound') || s.can('slips.post') },
  { path: 'dispatch', label: 'nav.dispatch', show: (s) => s.canCreate('dispatch') || s.has('finance') || s.has('manager') },
  { path: 'pick', label: 'nav.pick', show: (s) => s.can('slips.post') },
  { path: 'returns', label: 'nav.returns', show: (s) => s.canCreate('return') || s.has('manager') },
  { path: 'items', label: 'nav.items', show: () => true },
  { path: 'stock', label: 'nav.stock', show: (s) => s.can('stock.onHand') },
  { path: 'card', label: 'nav.card', show: (s) => s.can('stock.card') },
  // 盘点: the keeper counts, the manager approves, the statistician reads (费用预算 became a tab of 费用 to make room)
  { path: 'counts', label: 'nav.counts', show: (s) => s.has('keeper') || s.has('manager') || s.has('statistician') },
  { path: 'slips', label: 'nav.slips', show: () => true },
  // finance (财务): finance sees all; the manager close/approvals/expenses (budgets a tab)/aging; the statistician ledger/aging (countersigns at the close)
  { path: 'dayclose', label: 'nav.dayClose', show: (s) => s.can('dayClose.preview') },
  { path: 'journal', label: 'nav.journal', show: (s) => s.has('finance') },
  // 报表: 账龄分析 with the statistician's reports as its tabs (screens/Reports/ReportTabs.tsx)
  { path: 'aging', label: 'nav.reports', show: (s) => REPORT_METHODS.some((m) => s.can(m)) },
  // 往来单位: 客户档案 with 供应商档案 as its second tab (/customers/suppliers; everyone reads them, the buttons
  // follow the core's access), 催收
  { path: 'collection', label: 'nav.collection', show: (s) => s.can('receivables.due') },
  { path: 'customers', label: 'nav.customers', show: (s) => s.can('customers.list') },
  { path: 'expenses', label: 'nav.expenses', show: (s) => s.has('finance') || s.has('manager') },
  { path: 'my-expenses', label: 'nav.myExpenses', show: (s) => !s.has('finance') && !s.has('manager') },
  // 导入: items, customers, suppliers (whoever may create one of them)
  { path: 'import', label: 'nav.import', show: (s) => IMPORT_KINDS.some((k) => s.can(IMPORT_ACCESS_METHOD[k])) },
  { path: 'opening', label: 'nav.opening', show: (s) => s.can('opening.status') },
  // printing: paper, copies (联), the office public key (documents.updateSettings)
  { path: 'print-settings', label: 'nav.printSettings', show: (s) => s.can('documents.updateSettings') },
  // 用户管理: users, roles (兼任), PINs and signature images; 备份 as its second tab (/users/backups)
  // and 考勤 (/users/attendance, report B): finance has the entry for that tab alone
  { path: 'users', label: 'nav.users', show: (s) => s.can('users.list') || s.can('attendance.pdf') },
  // 开账向导: the first-run setup, later too (whoever may change the office's details)
  { path: 'setup', label: 'nav.setup', show: (s) => s.can('office.update') },
];

export function navFor(s: SessionApi): NavEntry[] {
  return NAV.filter((n) => n.show(s));
}

/** The most screens the keys reach: ten on Alt (1…9, 0), ten on Ctrl+Alt. */
export const NAV_KEYS_MAX = 20;

/** The key of the i-th screen (0-based) of a user's navigation, as keyName() names it. */
export function navKey(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= NAV_KEYS_MAX) throw new Error(`no navigation key for screen ${i + 1}`);
  return i < 10 ? `Alt+${(i + 1) % 10}` : `Ctrl+Alt+${(i - 9) % 10}`;
}
