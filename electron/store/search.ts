// Search keys for LIKE queries: escaping user text, and the pinyin initials (拼音首字母) stored
// beside every item's and customer's name so staff can type "pgz" for 抛光砖.

import { pinyin } from 'pinyin-pro';

export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** 拼音首字母 of a name, lower case letters only: 抛光砖 雅典米白 → pgzydmb. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** WHERE clause searching code, name or pinyin initials (and, for items, an exact barcode; for customers, the phone). */
export function searchClause(query: string, includeInactive: boolean, barcodes = false, phone = false): { where: string; args: unknown[] } {
  const active = includeInactive ? '1 = 1' : 'active = 1';
  if (!query) return { where: active, args: [] };
  const like = `%${likeEscape(query)}%`;
  const parts = ["code LIKE ? ESCAPE '\\'", "name LIKE ? ESCAPE '\\'", "pinyin LIKE ? ESCAPE '\\'"];
  const args: unknown[] = [like, like, like.toLowerCase()];
  if (barcodes) {
    parts.push('id IN (SELECT item_id FROM item_barcodes WHERE code = ?)');
    args.push(query);
  }
  if (phone) {
    parts.push("phone LIKE ? ESCAPE '\\'");
    args.push(like);
  }
  return { where: `${active} AND (${parts.join(' OR ')})`, args };
}
