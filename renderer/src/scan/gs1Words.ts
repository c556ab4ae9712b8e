// A GS1 scan's elements in words (批号 B-7 · 有效期至 2026-11-30), as the test scan, the slip's scan
// panel and the count's entry show them.

import type { Gs1Fields } from '../../../shared/bridge';
import type { I18n, MsgKey } from '../i18n';

type T = I18n['t'];
type Element = keyof Gs1Fields;

const LABEL: Record<Element, MsgKey> = { gtin: 'scn.gtin', batch: 'scn.batch', expiry: 'scn.expiry', serial: 'scn.serial', count: 'scn.count' };

export function gs1Words(t: T, g: Gs1Fields | undefined, which: Element[] = ['gtin', 'batch', 'expiry', 'serial', 'count']): string {
  if (!g) return '';
  return which
    .filter((k) => g[k] !== undefined && g[k] !== '')
    .map((k) => `${t(LABEL[k])} ${g[k]}`)
    .join(' · ');
}
