// 过账出库 from a write-off's or return to HQ's editor (the keeper, once the manager has signed): the
// keeper confirms, the goods leave the oldest FIFO layers at their cost, and the posted slip opens.
// Posting is idempotent per request id: a double press posts once. A line above what is on hand is
// refused by the core (every such line named), nothing posted.

import { useRef, useState } from 'react';
import { call, newRequestId, type DeskErr } from '../../api';
import { ConfirmDialog } from '../../components/dialogs';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { setFlash } from '../../slip/flash';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function useAdjustPost(draft: SlipDraft) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());

  const start = async () => {
    setError(null);
    const s = await draft.ensureSaved();
    if (!s || s.missingSignatures.length) return;
    requestId.current = newRequestId();
    setConfirming(true);
  };

  const post = async () => {
    if (!draft.slip || posting) return;
    setPosting(true);
    const r = await call('slips.post', { slipId: draft.slip.id }, { requestId: requestId.current });
    setPosting(false);
    setConfirming(false);
    if (!r.ok) {
      beep('error');
      return setError(r.error);
    }
    beep('done');
    setFlash(t('slip.postedFlash', { no: r.value.no }));
    navigate(`/slips/${r.value.id}`, { force: true });
  };

  const s = draft.slip;
  const dialog =
    confirming && s ? (
      <ConfirmDialog
        title={`${t('adj.post')} ${s.no}`}
        confirmText={t('adj.post')}
        busy={posting}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void post()}
      >
        <p className="dialog-text">{t('inbound.confirmPostText', { lines: s.lines.length, qty: s.totalQty })}</p>
        <p className="muted">{t('adj.costAtPost')}</p>
        <p className="muted">{t('slip.postFinal')}</p>
      </ConfirmDialog>
    ) : null;

  return { confirming, error, setError, start, dialog };
}
