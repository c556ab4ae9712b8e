// /returns/writeoffs[/new|/id] and /returns/hq[/new|/id]: the list of write-offs or returns to HQ
// (a tab of the returns screen), or one in its editor.

import type { AdjustmentKind } from '../../../../shared/contract';
import { KindList } from '../Slips/KindList';
import { AdjustEditor } from './AdjustEditor';

export function AdjustScreen({ kind, rest }: { kind: AdjustmentKind; rest: string | undefined }) {
  const id = rest && /^\d+$/.test(rest) ? Number(rest) : null;
  if (rest === 'new' || id) return <AdjustEditor key={`${kind}-${id ?? 'new'}`} kind={kind} slipId={id} />;
  return <KindList key={kind} kind={kind} />;
}
