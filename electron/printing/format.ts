// How printed documents write dates, times and money: 2026年11月29日, ￥1,234.56, 11-29 09:12.

import { formatFen } from '../../shared/money';
import { dateTimeIn } from '../../shared/time';

/** '2026-11-29' → '2026年11月29日' */
export function dateZh(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${m[2]}月${m[3]}日`;
}

/** A moment in the office's timezone as '2026-11-29 09:12'. */
export function localTime(iso: string, timezone: string): string {
  return dateTimeIn(iso, timezone);
}

/** Amount in a table column: '1,234.56' (negative '-1,234.56'). */
export function money(fen: number): string {
  return formatFen(fen);
}

/** Amount with the yuan sign, for totals: '￥1,234.56' (negative '-￥1,234.56'). */
export function yuan(fen: number): string {
  return formatFen(fen, { symbol: '￥' });
}

/** Quantity with thousands grouping. */
export function qty(n: number): string {
  return n.toLocaleString('en-US');
}
