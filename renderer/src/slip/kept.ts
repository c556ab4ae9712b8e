// The first layer of "never lose work": a slip's changes not yet on the desk, kept in sessionStorage
// per slip (kind + id, or new) after every change, with the write that was out when the page went
// (in doubt: sent again unchanged, same request id). A reload or a remount of the editor finds
// them at once; the desk's own draft (the autosave) is the second layer.

import type { CreatableSlipKind } from '../../../shared/contract';
import type { SlipWrite } from './autosave';
import type { EditLine } from './lines';
import type { SlipHeader } from './useSlipDraft';

export interface Kept {
  /** the server version the changes were made on (null: a new slip) */
  version: number | null;
  header: SlipHeader;
  lines: EditLine[];
  /** a write sent whose answer had not come */
  inDoubt?: SlipWrite | null;
}

const KEPT_PREFIX = 'branch-desk.draft.';
export const keptKey = (kind: CreatableSlipKind, slipId: number | null) => `${KEPT_PREFIX}${kind}.${slipId ?? 'new'}`;

export function readKept(key: string): Kept | null {
  try {
    const raw = sessionStorage.getItem(key);
    const v = raw ? (JSON.parse(raw) as Kept) : null;
    return v && Array.isArray(v.lines) && v.header ? v : null;
  } catch {
    return null;
  }
}

export function writeKept(key: string, kept: Kept | null): void {
  try {
    if (kept) sessionStorage.setItem(key, JSON.stringify(kept));
    else sessionStorage.removeItem(key);
  } catch {
    /* storage full or unavailable: the draft is still in memory, and on the desk once saved */
  }
}

/**
 * Logging out drops every kept draft: the next person at the desk does not get them. (A session
 * that is lost keeps them: logging back in on the same slip gives them back.)
 */
export function dropKeptDrafts(): void {
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(KEPT_PREFIX)) sessionStorage.removeItem(k);
  } catch {
    /* unavailable */
  }
}
