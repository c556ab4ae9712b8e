// One editor for every slip kind (进仓单, 发货单, 退货单): the toolbar, the error and warnings, the
// header fields and memo, the scan panel and item search, the lines grid, totals, key hints and
// the void dialog. Each editor brings only what is particular to its kind (its header fields, its
// buttons and keys, its dialogs). Keys: F4 / Ctrl+S save draft · F7 lines · Esc back; a kind whose
// lines are added by item also F2 new · F3 item search · Ctrl+Delete remove line.

import { useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { SLIP_SIGNATURES, type CreatableSlipKind, type Item } from '../../../shared/contract';
import { MAX_FEN, formatFen } from '../../../shared/money';
import type { DeskErr } from '../api';
import { ErrorLine, Field, KeyHints, Notice } from '../components/ui';
import { useHotkeys, type KeyMap } from '../hooks/hotkeys';
import { navigate } from '../hooks/router';
import { useI18n } from '../i18n';
import { beep } from '../scan/beep';
import { overLines, removeLine, totals, type EditLine } from './lines';
import { errorStillTrue, linesNamedBy, liveMessages, overOnHand, sayAboutLine, type LineMessage } from './lineMessages';
import { LineNotices } from './LineNotices';
import { focusLines, LinesGrid } from './LinesGrid';
import { isAdjustmentLines } from './adjustCols';
import { Totals } from './parts';
import { EditorToolbar, ScanArea, type ScanState } from './SlipEditorParts';
import { EDITOR_ROUTE, type SlipDraft } from './useSlipDraft';
import { VoidSlipDialog } from './VoidSlipDialog';
import { NextDayNotice } from './NextDayNotice';
import { useDayStatus } from '../screens/Finance/common';

export interface ItemSearch {
  inputRef: RefObject<HTMLInputElement | null>;
  onPick(item: Item): void;
}

export interface SlipEditorShellProps {
  kind: CreatableSlipKind;
  draft: SlipDraft;
  grid: RefObject<AgGridReact<EditLine> | null>;
  canEdit: boolean;
  /** 新建 (F2) button */
  canNew: boolean;
  onSave(): void;
  /** the kind's own toolbar buttons, after 保存草稿 */
  actions: ReactNode;
  /** the error to show; it also marks the lines it names */
  error: DeskErr | null;
  /** shown before `error`, marks no line (the slip's surroundings did not load) */
  loadError?: DeskErr | null;
  /** the kind's own header fields, before the memo */
  fields: ReactNode;
  memoLabel?: string;
  scan: ScanState;
  /** lines are added by item: the search, F2, F3, Ctrl+Delete */
  search?: ItemSearch;
  /** dispatch: what is on hand of the slip's items; lines above it are shown in red */
  onHand?: Map<number, number>;
  /** a return without a dispatch (无原单退货): the user may type its unit costs (the manager) */
  costEditable?: boolean;
  totalsLabel?: string;
  /** under the totals */
  below?: ReactNode;
  /** the kind's key hints (Esc is added) */
  hints: [string, string][];
  /** the kind's own keys, over the shell's */
  keys: KeyMap;
  voiding: boolean;
  setVoiding(v: boolean): void;
  /** the kind's own dialogs */
  children?: ReactNode;
}

function useEditorKeys(p: SlipEditorShellProps): void {
  const { draft, grid, canEdit } = p;
  const route = `/${EDITOR_ROUTE[p.kind]}`;
  const save = () => canEdit && void p.onSave();
  const removeFocused = () => {
    const cell = grid.current?.api.getFocusedCell();
    if (!cell || !canEdit) return;
    draft.setLines((ls) => removeLine(ls, cell.rowIndex));
  };
  const byItem: KeyMap = p.search
    ? { F2: () => p.canNew && navigate(`${route}/new`), F3: () => p.search?.inputRef.current?.focus(), 'Ctrl+Delete': removeFocused }
    : {};
  useHotkeys({ F7: () => focusLines(grid.current?.api), F4: save, 'Ctrl+S': save, Escape: () => navigate(route), ...byItem, ...p.keys });
}

export function SlipEditorShell(p: SlipEditorShellProps) {
  const { t } = useI18n();
  const { draft, canEdit } = p;
  const s = draft.slip;
  const [msgs, setMsgs] = useState<LineMessage[]>([]);
  useEditorKeys(p);
  const sum = useMemo(() => totals(draft.lines), [draft.lines]);
  const over = useMemo(() => overLines(draft.lines), [draft.lines]);
  // messages about a line hold while the line is there unchanged (slip/lineMessages.ts)
  const live = useMemo(() => liveMessages(msgs, draft.lines), [msgs, draft.lines]);
  const overStock = useMemo(
    () => ((p.kind === 'dispatch' || isAdjustmentLines(p.kind)) && canEdit ? overOnHand(draft.lines, p.onHand) : []),
    [p.kind, canEdit, draft.lines, p.onHand],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the lines the error named when it came
  const named = useMemo(() => linesNamedBy(p.error, draft.getLines()), [p.error]);
  const error = errorStillTrue(named, draft.lines) ? p.error : null;
  const errored = useMemo(
    () =>
      new Set(
        [
          ...liveMessages(
            named.map((line) => ({ line })),
            draft.lines,
          ),
          ...overStock,
        ].map((x) => x.line.key),
      ),
    [named, overStock, draft.lines],
  );
  const warned = useMemo(() => new Set(live.map((m) => m.line.key)), [live]);
  const day = useDayStatus();
  const costEditable = !!p.costEditable;
  const preGoLive = useMemo(
    () => (p.kind === 'return' && draft.header.preGoLive ? { costEditable } : undefined),
    [p.kind, draft.header.preGoLive, costEditable],
  );
  const willDrop = SLIP_SIGNATURES[p.kind].length > 0 && !!s && s.signatures.length > 0 && draft.dirty;

  return (
    <div className="screen-col">
      <EditorToolbar {...p} />
      <ErrorLine error={p.loadError ?? error} />
      <LineNotices lines={draft.lines} msgs={live} over={overStock} />
      {over.length ? <Notice kind="error">{t('num.amountOverLines', { lines: over.join(', '), max: formatFen(MAX_FEN) })}</Notice> : null}
      {willDrop ? <Notice kind="warn">{t('sign.willDrop')}</Notice> : null}
      {/* a posted slip keeps its own date; anything else would be booked to the business day now */}
      <NextDayNotice date={s?.state === 'posted' ? s.businessDate : day?.businessDate} />
      <div className="slip-header">
        {p.fields}
        <Field label={p.memoLabel ?? t('slip.memo')} wide>
          <input className="input" value={draft.header.memo} disabled={!canEdit} maxLength={200} onChange={(e) => draft.setHeader({ memo: e.target.value })} />
        </Field>
      </div>
      <ScanArea canEdit={canEdit} scan={p.scan} search={p.search} />
      <div className="grid-fill">
        <LinesGrid
          ref={p.grid}
          kind={p.kind}
          lines={draft.lines}
          editable={canEdit}
          erroredKeys={errored}
          onHand={p.onHand}
          preGoLive={preGoLive}
          warnedKeys={warned}
          onEdit={(i, patch) => draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))}
          onInvalid={(m, line) => {
            beep('error');
            setMsgs((ms) => sayAboutLine(ms, line, m));
          }}
        />
      </div>
      {/* a write-off's or return to HQ's amount is its FIFO cost, known once posted */}
      <Totals qty={sum.qty} amountFen={isAdjustmentLines(p.kind) ? null : sum.amountFen} label={p.totalsLabel} over={over.length > 0} />
      {p.below}
      <KeyHints items={[...p.hints, ['Esc', t('keys.back')]]} />
      {p.children}
      {p.voiding && s ? (
        <VoidSlipDialog
          slip={s}
          onCancel={() => p.setVoiding(false)}
          onDone={() => {
            p.setVoiding(false);
            navigate(`/slips/${s.id}`, { force: true });
          }}
        />
      ) : null}
    </div>
  );
}
