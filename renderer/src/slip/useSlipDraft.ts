// The state of a slip being edited: header, lines, the server's copy (with its version), dirty
// flag, save (create or update with version), post. Nothing typed is lost: every change is saved
// to the desk as the slip's draft shortly after it (useAutosave: a new slip is created on its
// first change), and until then kept in sessionStorage per slip (kept.ts): when the screen is
// mounted again on the same slip — after the error boundary's "reload the screen", or a reload of
// the window — they come back; leaving the slip (after the leave prompt saves) drops them. The
// editor's lines are only replaced by the server's when a slip is loaded or signed, never by an
// autosave, so a save never disturbs a cell being typed or a scan.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreatableSlipKind, PaymentMode, Slip } from '../../../shared/contract';
import { call, type DeskErr } from '../api';
import { currentRoute, navigate } from '../hooks/router';
import type { SaveStatus, SlipWrite } from './autosave';
import { keptKey, readKept, writeKept, type Kept } from './kept';
import { linesFromSlip, type EditLine } from './lines';
import { useAutosave, type EditorState } from './useAutosave';

export interface SlipHeader {
  supplierId: number | null;
  customerId: number | null;
  customerName: string | null;
  deliveryNoteNo: string;
  paymentMode: PaymentMode | null;
  sourceSlipId: number | null;
  memo: string;
  /** a return without a dispatch in this desk (无原单退货), fixed when the slip is made */
  preGoLive: boolean;
  /** a cash dispatch the carrier collects on delivery (送货收款) */
  collectByCarrier: boolean;
  /** an inbound slip's requisition to HQ (要货单) */
  requisitionId: number | null;
}

export const EMPTY_HEADER: SlipHeader = {
  supplierId: null,
  customerId: null,
  customerName: null,
  deliveryNoteNo: '',
  paymentMode: null,
  sourceSlipId: null,
  memo: '',
  preGoLive: false,
  collectByCarrier: false,
  requisitionId: null,
};

export function headerFromSlip(s: Slip): SlipHeader {
  return {
    supplierId: s.supplierId,
    customerId: s.customerId,
    customerName: s.customerName,
    deliveryNoteNo: s.deliveryNoteNo ?? '',
    paymentMode: s.paymentMode,
    sourceSlipId: s.sourceSlipId,
    memo: s.memo,
    preGoLive: s.preGoLive,
    collectByCarrier: s.collectByCarrier,
    requisitionId: s.requisition?.id ?? null,
  };
}

/** Route of the editor for each kind. */
export const EDITOR_ROUTE: Record<CreatableSlipKind, string> = {
  inbound: 'inbound',
  dispatch: 'dispatch',
  return: 'returns',
  writeoff: 'returns/writeoffs',
  hqReturn: 'returns/hq',
};

export interface SlipDraft {
  slip: Slip | null;
  header: SlipHeader;
  lines: EditLine[];
  /** changes not yet on the desk */
  dirty: boolean;
  /** the autosave: pending, saving, saved at, failed */
  saveStatus: SaveStatus;
  /** bumped when the editor turns to another slip (not when a new slip gets its number) */
  generation: number;
  loading: boolean;
  busy: boolean;
  error: DeskErr | null;
  setError(e: DeskErr | null): void;
  /** silent: a default, not a change by the user */
  setHeader(patch: Partial<SlipHeader>, opts?: { silent?: boolean }): void;
  /** silent: lines that come with the slip (a return's from its dispatch), not a change by the user */
  setLines(fn: (l: EditLine[]) => EditLine[], opts?: { silent?: boolean }): void;
  /** the latest lines, even before the next render */
  getLines(): EditLine[];
  /** save now what is unsaved (create or update); returns the saved slip or null (error shown) */
  save(): Promise<Slip | null>;
  /** save when dirty or new, else the current slip */
  ensureSaved(): Promise<Slip | null>;
  replaceSlip(s: Slip): void;
  reload(): Promise<void>;
}

/** The window still shows this editor's slip (a remount, not a leave). */
function routeIsSlip(kind: CreatableSlipKind, slipId: number | null): boolean {
  const base = EDITOR_ROUTE[kind].split('/'); // a write-off's is two parts: returns/writeoffs
  const route = currentRoute();
  const b = route[base.length];
  return base.every((x, i) => route[i] === x) && (slipId === null ? b === 'new' || b === 'from' || b === 'pregolive' : b === String(slipId));
}

export function useSlipDraft(
  kind: CreatableSlipKind,
  slipId: number | null,
  opts: { initialHeader?: Partial<SlipHeader>; decorate?: (lines: EditLine[], slip: Slip) => Promise<EditLine[]> | EditLine[] } = {},
): SlipDraft {
  // a new slip's unsaved changes from before a remount
  const [keptNew] = useState(() => (slipId === null ? readKept(keptKey(kind, null)) : null));
  const fresh = (): EditorState => ({ slip: null, header: { ...EMPTY_HEADER, ...opts.initialHeader }, lines: [], dirty: false });
  // the editor's state, also between renders (scans handled back to back each see the one before;
  // the autosave reads it when it writes), and the same as state for rendering
  const ed = useRef<EditorState>(keptNew ? { slip: null, header: keptNew.header, lines: keptNew.lines, dirty: true } : fresh());
  const [view, setView] = useState<EditorState>(ed.current);
  const update = useCallback((patch: Partial<EditorState>) => {
    ed.current = { ...ed.current, ...patch };
    setView(ed.current);
  }, []);
  const [generation, setGeneration] = useState(0);
  const [loading, setLoading] = useState(slipId !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const inDoubt = useRef<SlipWrite | null>(keptNew?.inDoubt ?? null);
  const decorate = useRef(opts.decorate);
  decorate.current = opts.decorate;

  const apply = useCallback(
    async (s: Slip) => {
      let ls = linesFromSlip(s);
      if (decorate.current) ls = await decorate.current(ls, s);
      update({ slip: s, header: headerFromSlip(s), lines: ls, dirty: false });
    },
    [update],
  );

  // keep unsaved changes and the write in doubt (and drop them once saved or undone)
  const keepNow = useCallback(() => {
    const { slip, header, lines, dirty } = ed.current;
    const kept: Kept | null = dirty || inDoubt.current ? { version: slip?.version ?? null, header, lines, inDoubt: inDoubt.current } : null;
    writeKept(keptKey(kind, slip?.id ?? null), kept);
  }, [kind]);

  const { saver, status, saveAll } = useAutosave({
    kind,
    state: ed,
    inDoubt: inDoubt.current,
    onInDoubt: (w) => {
      inDoubt.current = w;
      keepNow();
    },
    onRefused: setError,
    onSaved: (s, changedMeanwhile) => {
      const created = !ed.current.slip;
      setError(null);
      // what was typed while the write was out stays, and is saved next on the new version
      update({ slip: s, dirty: changedMeanwhile });
      if (created) {
        writeKept(keptKey(kind, null), null);
        // the new slip's address (unless the window has moved on: a save after leaving)
        if (routeIsSlip(kind, null)) navigate(`/${EDITOR_ROUTE[kind]}/${s.id}`, { force: true, replace: true });
      }
    },
  });

  const load = useCallback(
    async (id: number, restore = false) => {
      const kept = restore ? readKept(keptKey(kind, id)) : null;
      setLoading(true);
      // a write that was out when the page went: sent again first (its first answer if it arrived)
      const resent = kept?.inDoubt ? await call(kept.inDoubt.method, kept.inDoubt.input as never, { requestId: kept.inDoubt.requestId }) : null;
      const r = await call('slips.get', { slipId: id });
      setLoading(false);
      if (!r.ok) return setError(r.error);
      if (r.value.state !== 'draft' || r.value.kind !== kind) {
        navigate(`/slips/${id}`, { force: true, replace: true });
        return;
      }
      await apply(r.value);
      // unsaved changes from before a remount, made on this very version (or the one their write made)
      const base = resent?.ok ? (resent.value as Slip).version : null;
      if (kept && (kept.version === r.value.version || base === r.value.version)) {
        update({ header: kept.header, lines: kept.lines, dirty: true });
        saver.changed();
      }
    },
    [kind, apply, update, saver],
  );

  useEffect(() => {
    if (!loading) keepNow();
  }, [view, loading, keepNow]);

  // leaving the slip drops them; a remount on the same slip (error boundary, reload) keeps them
  const keptNow = useRef<{ key: string; id: number | null }>({ key: keptKey(kind, slipId), id: slipId });
  keptNow.current = { key: keptKey(kind, view.slip?.id ?? slipId), id: view.slip?.id ?? slipId };
  useEffect(
    () => () => {
      const { key, id } = keptNow.current;
      if (!routeIsSlip(kind, id)) writeKept(key, null);
    },
    [kind],
  );

  // a new id from the route: load it, unless it is the slip we just created here
  useEffect(() => {
    if (slipId === null) {
      if (ed.current.slip) {
        writeKept(keptKey(kind, ed.current.slip.id), null);
        update(fresh());
        setGeneration((g) => g + 1);
      }
      return;
    }
    if (ed.current.slip?.id === slipId) return;
    setGeneration((g) => g + 1);
    void load(slipId, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slipId, load]);

  // a new slip's changes from before a reload: on the desk as soon as possible
  useEffect(() => {
    if (keptNew) saver.changed();
  }, [keptNew, saver]);

  const save = useCallback(async (): Promise<Slip | null> => {
    // F4 on a new slip with nothing typed yet still opens it
    if (!ed.current.slip) update({ dirty: true });
    setBusy(true);
    const refused = await saveAll();
    setBusy(false);
    if (refused) setError(refused);
    return refused ? null : ed.current.slip;
  }, [saveAll, update]);

  const ensureSaved = useCallback(async () => {
    if (!ed.current.slip || ed.current.dirty || saver.busy) return save();
    return ed.current.slip;
  }, [save, saver]);

  return {
    ...view,
    saveStatus: status,
    generation,
    loading,
    busy,
    error,
    setError,
    setHeader: (patch, o) => {
      update({ header: { ...ed.current.header, ...patch }, dirty: ed.current.dirty || !o?.silent });
      if (!o?.silent) saver.changed();
    },
    setLines: (fn, o) => {
      update({ lines: fn(ed.current.lines), dirty: ed.current.dirty || !o?.silent });
      if (!o?.silent) saver.changed();
    },
    getLines: () => ed.current.lines,
    save,
    ensureSaved,
    replaceSlip: (s) => void apply(s),
    reload: async () => {
      if (ed.current.slip) await load(ed.current.slip.id);
    },
  };
}
