// The autosave of the slip editor (logic in autosave.ts): the editor's state into a slips.create or
// slips.update with its version, the answer back into the editor without touching what is being
// typed, the save flushed when the page goes away (pagehide, hidden) and when leaving the slip, and
// the leave prompt while something typed is not on the desk yet.

import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { CreatableSlipKind, Slip } from '../../../shared/contract';
import { MAX_FEN, formatFen } from '../../../shared/money';
import { call, newRequestId, type DeskErr } from '../api';
import { setLeaveGuard } from '../hooks/router';
import { localError } from '../i18n';
import { deskNow } from '../i18n/clock';
import { AutoSaver, type SaveStatus, type SlipWrite } from './autosave';
import { overLines, toLineInputs, type EditLine } from './lines';
import type { SlipHeader } from './useSlipDraft';

export interface EditorState {
  slip: Slip | null;
  header: SlipHeader;
  lines: EditLine[];
  dirty: boolean;
}

/** What one write was made from: the editor's header and lines at that moment (by identity). */
interface Snapshot {
  header: SlipHeader;
  lines: EditLine[];
}

/** The write for the editor's state: an update of its version, or the create of a new slip. */
export function slipWrite(kind: CreatableSlipKind, s: EditorState): SlipWrite {
  const h = s.header;
  const fields = {
    supplierId: h.supplierId,
    customerId: h.customerId,
    deliveryNoteNo: h.deliveryNoteNo.trim() || null,
    paymentMode: h.paymentMode,
    sourceSlipId: h.sourceSlipId,
    memo: h.memo.trim(),
    // 送货收款: a dispatch's mark, cleared when the payment is not cash (the core refuses it then)
    ...(kind === 'dispatch' ? { collectByCarrier: h.paymentMode === 'cash' && h.collectByCarrier } : {}),
    ...(kind === 'inbound' ? { requisitionId: h.requisitionId } : {}),
    lines: toLineInputs(kind, s.lines),
  };
  return s.slip
    ? { method: 'slips.update', input: { slipId: s.slip.id, version: s.slip.version, ...fields }, requestId: newRequestId() }
    : { method: 'slips.create', input: { kind, ...fields, ...(h.preGoLive ? { preGoLive: true } : {}) }, requestId: newRequestId() };
}

/** Lines whose amount is out of bounds are never sent: the error that says which. */
export function unsendable(lines: EditLine[]): DeskErr | null {
  const over = overLines(lines);
  return over.length ? localError('num.amountOverLines', { lines: over.join(', '), max: formatFen(MAX_FEN) }, 'amount_out_of_bounds') : null;
}

export interface AutosaveDeps {
  kind: CreatableSlipKind;
  /** the editor's state now (refs: read between renders) */
  state: MutableRefObject<EditorState>;
  /** the core took a write; `changedMeanwhile`: the editor moved on since it was made */
  onSaved(slip: Slip, changedMeanwhile: boolean): void;
  onRefused(e: DeskErr): void;
  /** the write in doubt changed: keep it with the kept copy */
  onInDoubt(w: SlipWrite | null): void;
  /** a write from before a reload whose answer never came (a new slip's create) */
  inDoubt: SlipWrite | null;
}

export function useAutosave(d: AutosaveDeps) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const deps = useRef(d);
  deps.current = d;
  const snapshots = useRef(new Map<string, Snapshot>());
  const [saver] = useState(
    () =>
      new AutoSaver<Slip>(
        {
          next: () => {
            const s = deps.current.state.current;
            // an amount out of bounds is an error on its line (shown by the editor), never sent
            if (!s.dirty || unsendable(s.lines)) return null;
            const w = slipWrite(deps.current.kind, s);
            snapshots.current.set(w.requestId, { header: s.header, lines: s.lines });
            return w;
          },
          send: (w, o) => call(w.method, w.input as never, { requestId: w.requestId, keepalive: o.keepalive }),
          saved: (slip, w) => {
            const snap = snapshots.current.get(w.requestId);
            snapshots.current.delete(w.requestId);
            const now = deps.current.state.current;
            deps.current.onSaved(slip, !snap || snap.lines !== now.lines || snap.header !== now.header);
          },
          refused: (e) => deps.current.onRefused(e),
          // a re-render only when what is shown changes (not on every scan of a burst)
          status: (next) => setStatus((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)),
          inDoubt: (w) => deps.current.onInDoubt(w),
          now: () => deskNow().getTime(),
        },
        undefined,
        d.inDoubt,
      ),
  );

  // the page goes away (closed, reloaded, another tab): send what is unsaved, as far as it gets
  useEffect(() => {
    const away = () => void saver.flush({ keepalive: true });
    const hidden = () => document.visibilityState === 'hidden' && away();
    window.addEventListener('pagehide', away);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', away);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [saver]);

  /** Save everything now (F4, leaving): null once it is all on the desk, else why not. */
  const saveAll = useCallback(async (): Promise<DeskErr | null> => {
    const refused = unsendable(deps.current.state.current.lines);
    if (refused) return refused;
    return (await saver.saveNow()) ? null : (saver.lastError ?? null);
  }, [saver]);

  // leaving the slip asks while something typed is not on the desk; the prompt saves it first
  // (unmounted: what is left is sent, then the saver stops — unless mounted again meanwhile, as
  // React's StrictMode does in development)
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    saver.resume();
    setLeaveGuard({ unsaved: () => deps.current.state.current.dirty || saver.busy, save: saveAll });
    return () => {
      mounted.current = false;
      setLeaveGuard(null);
      void saver.flush().finally(() => !mounted.current && saver.dispose());
    };
  }, [saver, saveAll]);

  return { saver, status, saveAll };
}
