// 进仓 (post) from the inbound editor: every line needs its unit cost first (F9 goes to the first
// one missing), then the draft is saved and the keeper confirms. Posting is idempotent per request
// id: a double press posts once.

import { useRef, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { call, newRequestId, type DeskErr } from '../../api';
import { ConfirmDialog } from '../../components/dialogs';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { setFlash } from '../../slip/flash';
import type { EditLine } from '../../slip/lines';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function useInboundPost(draft: SlipDraft, grid: RefObject<AgGridReact<EditLine> | null>, canPost: boolean) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());

  /** To the first line still without a unit cost; false when there is none. */
  const focusMissingCost = (): boolean => {
    const i = draft.getLines().findIndex((l) => l.unitCostFen == null);
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
      const n = draft.getLines().filter((l) => l.unitCostFen == null).length;
      setError(localError('inbound.missingCost', { n }, 'unit_cost_missing'));
      return;
    }
    const s = await draft.ensureSaved();
    if (!s) return;
    requestId.current = newRequestId();
    setConfirming(true);
  };

  const post = async () => {
    if (!draft.slip || posting) return;
    setPosting(true);
    const r = await call('slips.post', { slipId: draft.slip.id }, { requestId: requestId.current });
    setPosting(false);
    if (r.ok) {
      beep('done');
      setFlash(t('slip.postedFlash', { no: r.value.no }));
      navigate(`/slips/${r.value.id}`, { force: true });
    } else {
      beep('error');
      setConfirming(false);
      setError(r.error);
    }
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
    ) : null;

  return { confirming, posting, error, setError, start, focusMissingCost, dialog };
}
