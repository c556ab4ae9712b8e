// The left navigation, by role: a screen a role may not use is not offered.

import type { MsgKey } from './i18n';
import type { SessionApi } from './session';

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
  { path: 'slips', label: 'nav.slips', show: () => true },
  // finance (财务): finance sees all; the manager close/approvals/budgets/aging; the statistician ledger/aging (countersigns at the close)
  { path: 'dayclose', label: 'nav.dayClose', show: (s) => s.can('dayClose.preview') },
  { path: 'journal', label: 'nav.journal', show: (s) => s.has('finance') },
  { path: 'aging', label: 'nav.aging', show: (s) => s.can('receivables.aging') },
  { path: 'expenses', label: 'nav.expenses', show: (s) => s.has('finance') || s.has('manager') },
  { path: 'my-expenses', label: 'nav.myExpenses', show: (s) => !s.has('finance') && !s.has('manager') },
  { path: 'budgets', label: 'nav.budgets', show: (s) => s.has('finance') || s.has('manager') },
  // printing: paper, copies (联), the office public key (documents.updateSettings)
  { path: 'print-settings', label: 'nav.printSettings', show: (s) => s.can('documents.updateSettings') },
  // 用户管理: users, roles (兼任), PINs and signature images
  { path: 'users', label: 'nav.users', show: (s) => s.can('users.list') },
];

export function navFor(s: SessionApi): NavEntry[] {
  return NAV.filter((n) => n.show(s));
}
