// The pick screen speaks of 拣货 on a dispatch and of 收回 on a customer return: each word the two
// share is pick.<word> or recv.<word> (i18n/keys.ts). The compiler keeps the pairs complete.

import type { MsgKey } from '../../i18n';

/** The words that have both a pick.* and a recv.* form. */
export type PickWord = { [K in MsgKey]: K extends `recv.${infer W}` ? (`pick.${W}` extends MsgKey ? W : never) : never }[MsgKey];

export function pickWord(isReturn: boolean, w: PickWord): MsgKey {
  return isReturn ? `recv.${w}` : `pick.${w}`;
}
