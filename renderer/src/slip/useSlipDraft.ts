// The state of a slip being edited: header, lines, the server's copy (with its version), dirty
// flag, save (create or update with version), post. Nothing typed is lost on an error: the
// editor's state is only replaced by what the server returns on success. Unsaved changes are also
// kept in sessionStorage per slip (kind + id, or new): when the screen is mounted again on the
// same slip — after the error boundary's "reload the screen", or a reload of the window — they
// come back; leaving the slip (after the leave prompt) or saving it drops them.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreatableSlipKind, PaymentMode, Slip } from '../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../api';
import { currentRoute, navigate, setLeaveGuard } from '../hooks/router';
import { MAX_FEN, formatFen } from '../../../shared/money';
import { localError } from '../i18n';
import { linesFromSlip, overLines, toLineInputs, type EditLine } from './lines';

export interface SlipHeader {
  supplierId: number | null;
  customerId: number | null;
  customerName: string | null;
  deliveryNoteNo: string;
  paymentMode: PaymentMode | null;
  sourceSlipId: number | null;
  memo: string;
}

export const EMPTY_HEADER: SlipHeader = {
  supplierId: null,
  customerId: null,
  customerName: null,
  deliveryNoteNo: '',
  paymentMode: null,
  sourceSlipId: null,
  memo: '',
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
  };
}

/** Route of the editor for each kind. */
export const EDITOR_ROUTE: Record<CreatableSlipKind, string> = { inbound: 'inbound', dispatch: 'dispatch', return: 'returns' };

export interface SlipDraft {
  slip: Slip | null;
  header: SlipHeader;
  lines: EditLine[];
  dirty: boolean;
  loading: boolean;
  busy: boolean;
  error: DeskErr | null;
  setError(e: DeskErr | null): void;
  /** silent: a default, not a change by the user */
  setHeader(patch: Partial<SlipHeader>, opts?: { silent?: boolean }): void;
  setLines(fn: (l: EditLine[]) => EditLine[]): void;
  /** the latest lines, even before the next render */
  getLines(): EditLine[];
  /** create or update; returns the saved slip or null (error shown) */
  save(): Promise<Slip | null>;
  /** save when dirty or new, else the current slip */
  ensureSaved(): Promise<Slip | null>;
  replaceSlip(s: Slip): void;
  reload(): Promise<void>;
}

// ------------------------------------------------------------- kept across a remount

interface Kept {
  /** the server version the changes were made on (null: a new slip) */
  version: number | null;
  header: SlipHeader;
  lines: EditLine[];
}

const KEPT_PREFIX = 'branch-desk.draft.';
const keptKey = (kind: CreatableSlipKind, slipId: number | null) => `${KEPT_PREFIX}${kind}.${slipId ?? 'new'}`;

function readKept(key: string): Kept | null {
  try {
    const raw = sessionStorage.getItem(key);
    const v = raw ? (JSON.parse(raw) as Kept) : null;
    return v && Array.isArray(v.lines) && v.header ? v : null;
  } catch {
    return null;
  }
}

function writeKept(key: string, kept: Kept | null): void {
  try {
    if (kept) sessionStorage.setItem(key, JSON.stringify(kept));
    else sessionStorage.removeItem(key);
  } catch {
    /* storage full or unavailable: the draft is still in memory */
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

/** The window still shows this editor's slip (a remount, not a leave). */
function routeIsSlip(kind: CreatableSlipKind, slipId: number | null): boolean {
  const [a, b] = currentRoute();
  return a === EDITOR_ROUTE[kind] && (slipId === null ? b === 'new' || b === 'from' : b === String(slipId));
}

export function useSlipDraft(
  kind: CreatableSlipKind,
  slipId: number | null,
  opts: { initialHeader?: Partial<SlipHeader>; decorate?: (lines: EditLine[], slip: Slip) => Promise<EditLine[]> | EditLine[] } = {},
): SlipDraft {
  // a new slip's unsaved changes from before a remount
  const [keptNew] = useState(() => (slipId === null ? readKept(keptKey(kind, null)) : null));
  const [slip, setSlip] = useState<Slip | null>(null);
  const [header, setHeaderState] = useState<SlipHeader>(keptNew?.header ?? { ...EMPTY_HEADER, ...opts.initialHeader });
  const [lines, setLinesRaw] = useState<EditLine[]>(keptNew?.lines ?? []);
  // the latest lines, also between renders: scans handled back to back each see the one before
  const linesRef = useRef<EditLine[]>(lines);
  const setLinesState = useCallback((next: EditLine[]) => {
    linesRef.current = next;
    setLinesRaw(next);
  }, []);
  const [dirty, setDirty] = useState(!!keptNew);
  const [loading, setLoading] = useState(slipId !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  const stateRef = useRef({ slip, header });
  stateRef.current = { slip, header };
  const decorate = useRef(opts.decorate);
  decorate.current = opts.decorate;

  const apply = useCallback(
    async (s: Slip) => {
      let ls = linesFromSlip(s);
      if (decorate.current) ls = await decorate.current(ls, s);
      setSlip(s);
      setHeaderState(headerFromSlip(s));
      setLinesState(ls);
      setDirty(false);
    },
    [setLinesState],
  );

  const load = useCallback(
    async (id: number, restore = false) => {
      const kept = restore ? readKept(keptKey(kind, id)) : null;
      setLoading(true);
      const r = await call('slips.get', { slipId: id });
      setLoading(false);
      if (!r.ok) return setError(r.error);
      if (r.value.state !== 'draft' || r.value.kind !== kind) {
        navigate(`/slips/${id}`, { force: true, replace: true });
        return;
      }
      await apply(r.value);
      // unsaved changes from before a remount, made on this very version
      if (kept && kept.version === r.value.version) {
        setHeaderState(kept.header);
        setLinesState(kept.lines);
        setDirty(true);
      }
    },
    [kind, apply, setLinesState],
  );

  // keep unsaved changes (and drop them once saved or undone)
  useEffect(() => {
    if (loading) return;
    const key = keptKey(kind, slip?.id ?? slipId);
    writeKept(key, dirty ? { version: slip?.version ?? null, header, lines } : null);
  }, [kind, slipId, slip, header, lines, dirty, loading]);

  // leaving the slip drops them; a remount on the same slip (error boundary, reload) keeps them
  const keptNow = useRef<{ key: string; id: number | null }>({ key: keptKey(kind, slipId), id: slipId });
  keptNow.current = { key: keptKey(kind, slip?.id ?? slipId), id: slip?.id ?? slipId };
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
      if (stateRef.current.slip) {
        writeKept(keptKey(kind, stateRef.current.slip.id), null);
        setSlip(null);
        setHeaderState({ ...EMPTY_HEADER, ...opts.initialHeader });
        setLinesState([]);
        setDirty(false);
      }
      return;
    }
    if (stateRef.current.slip?.id === slipId) return;
    void load(slipId, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slipId, load]);

  useEffect(() => {
    setLeaveGuard(() => dirtyRef.current);
    return () => setLeaveGuard(null);
  }, []);

  const save = useCallback(async (): Promise<Slip | null> => {
    const { slip: s, header: h } = stateRef.current;
    const ls = linesRef.current;
    // an amount out of bounds is an error on its line, never sent
    const over = overLines(ls);
    if (over.length) {
      setError(localError('num.amountOverLines', { lines: over.join(', '), max: formatFen(MAX_FEN) }, 'amount_out_of_bounds'));
      return null;
    }
    const requestId = newRequestId();
    const fields = {
      supplierId: h.supplierId,
      customerId: h.customerId,
      deliveryNoteNo: h.deliveryNoteNo.trim() || null,
      paymentMode: h.paymentMode,
      sourceSlipId: h.sourceSlipId,
      memo: h.memo.trim(),
      lines: toLineInputs(kind, ls),
    };
    setBusy(true);
    const r = s
      ? await call('slips.update', { slipId: s.id, version: s.version, ...fields }, { requestId })
      : await call('slips.create', { kind, ...fields }, { requestId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    setError(null);
    if (!s) writeKept(keptKey(kind, null), null);
    // keep what was typed while the save was in flight
    const changedMeanwhile = linesRef.current !== ls || stateRef.current.header !== h;
    if (changedMeanwhile) {
      setSlip(r.value);
    } else await apply(r.value);
    if (!s) navigate(`/${EDITOR_ROUTE[kind]}/${r.value.id}`, { force: true, replace: true });
    return r.value;
  }, [kind, apply]);

  const ensureSaved = useCallback(async () => {
    if (!stateRef.current.slip || dirtyRef.current) return save();
    return stateRef.current.slip;
  }, [save]);

  return {
    slip,
    header,
    lines,
    dirty,
    loading,
    busy,
    error,
    setError,
    setHeader: (patch, o) => {
      setHeaderState((h) => ({ ...h, ...patch }));
      if (!o?.silent) setDirty(true);
    },
    setLines: (fn) => {
      setLinesState(fn(linesRef.current));
      setDirty(true);
    },
    getLines: () => linesRef.current,
    save,
    ensureSaved,
    replaceSlip: (s) => void apply(s),
    reload: async () => {
      if (stateRef.current.slip) await load(stateRef.current.slip.id);
    },
  };
}
