// Where a slip opens: a draft in its editor (or the keeper's pick screen once it is signed),
// anything else in the slip view.

import type { SlipSummary } from '../../../shared/contract';
import type { SessionApi } from '../session';
import { EDITOR_ROUTE } from './useSlipDraft';

export function slipPath(s: Pick<SlipSummary, 'id' | 'kind' | 'state' | 'missingSignatures'>, session: SessionApi): string {
  if (s.state === 'draft') {
    if ((s.kind === 'dispatch' || s.kind === 'return') && session.can('slips.post') && s.missingSignatures.length === 0) return `/pick/${s.id}`;
    if (s.kind === 'inbound' && (session.canCreate('inbound') || session.can('slips.post'))) return `/inbound/${s.id}`;
    if (s.kind === 'dispatch' && (session.canCreate('dispatch') || session.has('manager') || session.has('finance'))) return `/dispatch/${s.id}`;
    if (s.kind === 'return' && (session.canCreate('return') || session.has('manager'))) return `/returns/${s.id}`;
    // 报损单, 退回总部: the keeper posts it from its editor once the manager has signed
    if (s.kind === 'writeoff' || s.kind === 'hqReturn') return `/${EDITOR_ROUTE[s.kind]}/${s.id}`;
  }
  return `/slips/${s.id}`;
}
