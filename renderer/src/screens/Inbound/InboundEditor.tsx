// 进仓单: goods from HQ. Supplier (default HQ), HQ's delivery note number (随货同行联号), then
// scan: each scan adds the item or adds to its line (a case barcode adds its pack quantity).
// Keys: F2 new · F3 item search · F4 save draft · F9 post (进仓) · Ctrl+Delete remove line · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Supplier } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { ConfirmDialog, ReasonDialog } from '../../components/dialogs';
import { ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, Field, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { setFlash } from '../../slip/flash';
import { erroredItemCodes, removeLine, totals, type EditLine } from '../../slip/lines';
import { focusLines, LinesGrid } from '../../slip/LinesGrid';
import { ScanPanel, Totals } from '../../slip/parts';
import { useLineScanner } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';

export function InboundEditor({ slipId }: { slipId: number | null }) {
  const { t } = useI18n();
  const session = useSession();
  const draft = useSlipDraft('inbound', slipId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [confirmPost, setConfirmPost] = useState(false);
  const [posting, setPosting] = useState(false);
  const [postError, setPostError] = useState<DeskErr | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [inlineMsg, setInlineMsg] = useState<string | null>(null);
  const canEdit = session.canCreate('inbound');
  const canPost = session.can('slips.post');
  const postRid = useRef(newRequestId());

  const scanner = useLineScanner('inbound', draft, grid, canEdit && !confirmPost && !voiding);

  useEffect(() => {
    void call('suppliers.list', {}).then((r) => {
      if (!r.ok) return;
      setSuppliers(r.value);
      // default: HQ (总部) — the first supplier of that kind, else the first
      if (slipId === null && draft.header.supplierId === null && r.value.length) {
        const hq = r.value.find((s) => s.kind.includes('总部')) ?? r.value[0];
        draft.setHeader({ supplierId: hq.id }, { silent: true });
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (slipId === null) setTimeout(() => noteRef.current?.focus(), 0);
  }, [slipId]);

  const sum = useMemo(() => totals(draft.lines), [draft.lines]);
  const errored = useMemo(() => erroredItemCodes((postError ?? draft.error)?.details), [postError, draft.error]);
  const missingCost = draft.lines.filter((l) => l.unitCostFen == null).length;

  const save = async () => {
    setPostError(null);
    const s = await draft.save();
    if (s) scanner.setMessage({ ok: true, text: t('slip.saved', { no: s.no }) });
  };

  const focusMissingCost = (): boolean => {
    const i = draft.getLines().findIndex((l) => l.unitCostFen == null);
    if (i < 0) return false;
    grid.current?.api.ensureIndexVisible(i);
    grid.current?.api.setFocusedCell(i, 'unitCostFen');
    return true;
  };

  const startPost = async () => {
    if (!canPost) return;
    setPostError(null);
    if (focusMissingCost()) {
      beep('error');
      const n = draft.getLines().filter((l) => l.unitCostFen == null).length;
      setPostError(localError('inbound.missingCost', { n }, 'unit_cost_missing'));
      return;
    }
    const s = await draft.ensureSaved();
    if (!s) return;
    postRid.current = newRequestId();
    setConfirmPost(true);
  };

  const post = async () => {
    if (!draft.slip || posting) return;
    setPosting(true);
    const r = await call('slips.post', { slipId: draft.slip.id }, { requestId: postRid.current });
    setPosting(false);
    if (r.ok) {
      beep('done');
      setFlash(t('slip.postedFlash', { no: r.value.no }));
      navigate(`/slips/${r.value.id}`, { force: true });
    } else {
      beep('error');
      setConfirmPost(false);
      setPostError(r.error);
    }
  };

  const removeFocused = () => {
    const cell = grid.current?.api.getFocusedCell();
    if (!cell || !canEdit) return;
    draft.setLines((ls) => removeLine(ls, cell.rowIndex));
  };

  useHotkeys({
    // F7: to the first line still without a unit cost, else the lines
    F7: () => focusMissingCost() || focusLines(grid.current?.api),
    F2: () => navigate('/inbound/new'),
    F3: () => searchRef.current?.focus(),
    F4: () => canEdit && void save(),
    'Ctrl+S': () => canEdit && void save(),
    F9: () => void startPost(),
    'Ctrl+Delete': removeFocused,
    Escape: () => navigate('/inbound'),
  });

  const s = draft.slip;
  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {t('kind.inbound')} <span className="slip-no">{s?.no ?? t('slip.newNo')}</span> <StateTag state={s?.state ?? 'draft'} />
            {draft.dirty ? <span className="dirty-dot">{t('slip.unsaved')}</span> : null}
          </>
        }
      >
        {canEdit ? (
          <Btn hotkey="F4" onClick={() => void save()} disabled={draft.busy}>
            {t('slip.saveDraft')}
          </Btn>
        ) : null}
        {canPost ? (
          <Btn variant="primary" hotkey="F9" onClick={() => void startPost()} disabled={draft.busy || posting || !draft.lines.length}>
            {t('inbound.post')}
          </Btn>
        ) : null}
        {s && canEdit ? (
          <Btn variant="danger" onClick={() => setVoiding(true)}>
            {t('slip.void')}
          </Btn>
        ) : null}
        <Btn hotkey="F2" onClick={() => navigate('/inbound/new')}>
          {t('slip.new')}
        </Btn>
      </Toolbar>
      <ErrorLine error={postError ?? draft.error} />
      {inlineMsg ? <Notice kind="warn">{inlineMsg}</Notice> : null}
      <div className="slip-header">
        <Field label={t('inbound.supplier')}>
          <select
            className="input"
            value={draft.header.supplierId ?? ''}
            disabled={!canEdit}
            onChange={(e) => draft.setHeader({ supplierId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">—</option>
            {suppliers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('inbound.deliveryNote')} hint={t('inbound.deliveryNoteHint')}>
          <input
            ref={noteRef}
            className="input mono"
            value={draft.header.deliveryNoteNo}
            disabled={!canEdit}
            maxLength={50}
            onChange={(e) => draft.setHeader({ deliveryNoteNo: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                searchRef.current?.focus();
              }
            }}
          />
        </Field>
        <Field label={t('slip.memo')} wide>
          <input className="input" value={draft.header.memo} disabled={!canEdit} maxLength={200} onChange={(e) => draft.setHeader({ memo: e.target.value })} />
        </Field>
      </div>
      <ScanPanel message={scanner.message} waiting={scanner.waiting} prompt={t('inbound.scanPrompt')} />
      {canEdit ? (
        <div className="add-line">
          <span className="add-line-label">{t('slip.addBySearch')}</span>
          <ItemPicker clearOnPick inputRef={searchRef} onPick={scanner.addFromSearch} />
        </div>
      ) : null}
      <div className="grid-fill">
        <LinesGrid
          ref={grid}
          kind="inbound"
          lines={draft.lines}
          editable={canEdit}
          erroredCodes={errored}
          onEdit={(i, patch) => {
            setInlineMsg(null);
            draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
          }}
          onInvalid={(m) => {
            beep('error');
            setInlineMsg(m);
          }}
        />
      </div>
      <Totals qty={sum.qty} amountFen={sum.amountFen} />
      {missingCost > 0 && draft.lines.length ? <div className="hint-warn">{t('inbound.missingCost', { n: missingCost })}</div> : null}
      <KeyHints
        items={[
          [t('keys.scan'), t('inbound.scanHint')],
          ['F3', t('slip.addBySearch')],
          ['F7', t('keys.toLines')],
          ['Enter', t('keys.editCell')],
          ['Ctrl+Delete', t('keys.removeLine')],
          ['F4', t('slip.saveDraft')],
          ...(canPost ? ([['F9', t('inbound.post')]] as [string, string][]) : []),
          ['Esc', t('keys.back')],
        ]}
      />
      {scanner.dialog}
      {confirmPost && s ? (
        <ConfirmDialog
          title={t('inbound.confirmPostTitle', { no: s.no })}
          confirmText={t('inbound.post')}
          busy={posting}
          onCancel={() => setConfirmPost(false)}
          onConfirm={() => void post()}
        >
          <p className="dialog-text">{t('inbound.confirmPostText', { lines: s.lines.length, qty: s.totalQty })}</p>
          <p className="muted">{t('slip.postFinal')}</p>
        </ConfirmDialog>
      ) : null}
      {voiding && s ? (
        <ReasonDialog
          title={t('slip.voidTitle', { no: s.no })}
          label={t('slip.voidReason')}
          confirmText={t('slip.void')}
          onCancel={() => setVoiding(false)}
          onDone={() => {
            setVoiding(false);
            navigate(`/slips/${s.id}`, { force: true });
          }}
          run={async (reason, requestId) => {
            const r = await call('slips.void', { slipId: s.id, reason }, { requestId });
            return r.ok ? null : r.error;
          }}
        />
      ) : null}
    </div>
  );
}
