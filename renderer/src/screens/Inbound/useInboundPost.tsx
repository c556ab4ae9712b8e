// 进仓 (post) from the inbound editor: every line needs its unit cost or its amount first (F9 goes
// to the first one missing), then the draft is saved and the keeper confirms. Posting is idempotent
// per request id: a double press posts once. A delivery note number the supplier already has posted
// is refused by the core; the keeper may then confirm a second delivery under it, with a reason.

import { useRef, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { call, newRequestId, type DeskErr } from '../../api';
import { ConfirmDialog, ReasonDialog } from '../../components/dialogs';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { setFlash } from '../../slip/flash';
import { lineCostMissing, type EditLine } from '../../slip/lines';
import type { SlipDraft } from '../../slip/useSlipDraft';

const dupNos = (e: DeskErr) => (Array.isArray(e.details.postedNos) ? e.details.postedNos.join('、') : '');

export function useInboundPost(draft: SlipDraft, grid: RefObject<AgGridReact<EditLine> | null>, canPost: boolean) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  /** the core refused a delivery note number already posted: ask for a second delivery's reason */
  const [duplicate, setDuplicate] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());

  /** To the first line still without a unit cost; false when there is none. */
  const focusMissingCost = (): boolean => {
    const i = draft.getLines().findIndex(lineCostMissing);
    if (i < 0) return false;
    grid.current?.api.ensureIndexVisible(i);
    grid.current?.api.setFocusedCell(i, 'unitCostFen');
    return true;
  };

  const start = async () => {
    if (!canPost) return;
    setError(null);
    if (focusMissingCost()) {
      beep('error');
      const n = draft.getLines().filter(lineCostMissing).length;
      setError(localError('inbound.missingCost', { n }, 'unit_cost_missing'));
      return;
    }
    const s = await draft.ensureSaved();
    if (!s) return;
    requestId.current = newRequestId();
    setConfirming(true);
  };

  const posted = (s: { id: number; no: string }) => {
    beep('done');
    setFlash(t('slip.postedFlash', { no: s.no }));
    navigate(`/slips/${s.id}`, { force: true });
  };

  const post = async () => {
    if (!draft.slip || posting) return;
    setPosting(true);
    const r = await call('slips.post', { slipId: draft.slip.id }, { requestId: requestId.current });
    setPosting(false);
    if (r.ok) return posted(r.value);
    beep('error');
    setConfirming(false);
    if (r.error.code === 'duplicate_delivery_note') setDuplicate(r.error);
    else setError(r.error);
  };

  const postSecond = async (reason: string, rid: string): Promise<DeskErr | null> => {
    if (!draft.slip) return null;
    const r = await call('slips.post', { slipId: draft.slip.id, secondDelivery: { reason } }, { requestId: rid });
    if (!r.ok) return r.error;
    posted(r.value);
    return null;
  };

  const s = draft.slip;
  const dialog =
    confirming && s ? (
      <ConfirmDialog
        title={t('inbound.confirmPostTitle', { no: s.no })}
        confirmText={t('inbound.post')}
        busy={posting}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void post()}
      >
        <p className="dialog-text">{t('inbound.confirmPostText', { lines: s.lines.length, qty: s.totalQty })}</p>
        <p className="muted">{t('slip.postFinal')}</p>
      </ConfirmDialog>
    ) : duplicate ? (
      <ReasonDialog
        title={t('inb.secondTitle')}
        label={t('inb.secondReason')}
        confirmText={t('inb.secondPost')}
        run={postSecond}
        onDone={() => setDuplicate(null)}
        onCancel={() => setDuplicate(null)}
      >
        <p className="dialog-text">{t('inb.secondText', { note: String(duplicate.details.deliveryNoteNo ?? ''), nos: dupNos(duplicate) })}</p>
      </ReasonDialog>
    ) : null;

  return { confirming: confirming || !!duplicate, posting, error, setError, start, focusMissingCost, dialog };
}
