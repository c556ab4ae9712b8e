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
];

export function navFor(s: SessionApi): NavEntry[] {
  return NAV.filter((n) => n.show(s));
}
