// Posting a pick (出库 / 退货入库): nothing picked is refused; a complete pick is confirmed, a short
// one confirmed as short. Idempotent per request id; the saved count is dropped once posted.

import { useRef, useState } from 'react';
import type { Slip } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, newRequestId, type DeskErr } from '../../api';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { setFlash } from '../../slip/flash';
import { isComplete, pickedTotal, toPicked, type PickLine } from '../../slip/pick';
import type { ScanMessage } from '../../slip/useLineScanner';
import { forgetCount } from './usePickCount';
import { pickWord } from './words';

interface Options {
  slip: Slip | null;
  lines: PickLine[];
  ready: boolean;
  say(m: ScanMessage): void;
  setError(e: DeskErr | null): void;
}

export function usePickPost({ slip, lines, ready, say, setError }: Options) {
  const { t } = useI18n();
  const [confirm, setConfirm] = useState<'complete' | 'short' | null>(null);
  const [posting, setPosting] = useState(false);
  const rid = useRef(newRequestId());

  const start = () => {
    if (!ready || posting) return;
    setError(null);
    if (pickedTotal(lines) === 0) {
      beep('error');
      say({ ok: false, text: t(pickWord(slip?.kind === 'return', 'nothing')) });
      return;
    }
    rid.current = newRequestId();
    setConfirm(isComplete(lines) ? 'complete' : 'short');
  };

  const post = async () => {
    if (!slip || posting) return;
    setPosting(true);
    const r = await call('slips.post', { slipId: slip.id, picked: toPicked(lines), confirmShort: confirm === 'short' }, { requestId: rid.current });
    setPosting(false);
    setConfirm(null);
    if (r.ok) {
      beep('done');
      forgetCount(slip);
      const refund = r.value.refund?.state === 'pending' ? ` · ${t('rf.awaitsFinance', { fen: formatFen(r.value.refund.amountFen) })}` : '';
      setFlash(t(slip.kind === 'return' ? 'pick.postedReturnFlash' : 'pick.postedFlash', { no: r.value.no }) + refund);
      navigate(`/slips/${r.value.id}`, { force: true });
    } else {
      beep('error');
      setError(r.error);
    }
  };

  return { confirm, posting, start, post, cancel: () => setConfirm(null) };
}
