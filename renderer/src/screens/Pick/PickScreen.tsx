// The keeper's pick (备货 / 退货收货): scan the goods against the lines of a signed slip. Each
// line shows picked vs ordered; a wrong item or an over-pick is refused with a buzz and a clear
// message. Post (出库 / 退货入库) when complete, or confirm a short pick.
// Keys: scan · Enter edit a count · Ctrl+Z undo last scan · F9 post · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, RowClassParams } from 'ag-grid-community';
import type { Item, Slip } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { ConfirmDialog } from '../../components/dialogs';
import { Grid, qtyCol } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useScanQueue } from '../../scan';
import { beep } from '../../scan/beep';
import { setFlash } from '../../slip/flash';
import { erroredItemCodes } from '../../slip/lines';
import { settleEditingForScan, flashRow } from '../../slip/LinesGrid';
import { ScanPanel, SignatureBadges } from '../../slip/parts';
import { applyPick, isComplete, pickedTotal, setPicked, shortLines, toPicked, type PickLine } from '../../slip/pick';
import type { ScanMessage } from '../../slip/useLineScanner';

function storageKey(s: Slip): string {
  return `branch-desk.pick.${s.id}.${s.version}`;
}

function initialLines(s: Slip): PickLine[] {
  const lines = s.lines.map((l) => ({ lineId: l.id, itemId: l.itemId, itemCode: l.itemCode, itemName: l.itemName, ordered: l.qty, picked: 0 }));
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(s)) ?? 'null') as Record<string, number> | null;
    if (saved) return lines.map((l) => ({ ...l, picked: Math.min(l.ordered, saved[l.lineId] ?? 0) }));
  } catch {
    /* start over */
  }
  return lines;
}

interface Row extends PickLine {
  spec: string;
  unit: string;
}

export function PickScreen({ slipId }: { slipId: number }) {
  const { t, kind, pay } = useI18n();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [lines, setLinesState] = useState<PickLine[]>([]);
  const [history, setHistory] = useState<PickLine[][]>([]);
  // scans are handled one at a time (the queue), each against the latest count
  const linesRef = useRef<PickLine[]>([]);
  const setLines = (next: PickLine[]) => {
    linesRef.current = next;
    setLinesState(next);
  };
  /** a change the keeper can undo */
  const commit = (next: PickLine[], prev: PickLine[]) => {
    setHistory((h) => [...h.slice(-49), prev]);
    setLines(next);
  };
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [confirm, setConfirm] = useState<'complete' | 'short' | null>(null);
  const [posting, setPosting] = useState(false);
  const [badRow, setBadRow] = useState<number | null>(null);
  const grid = useRef<AgGridReact<Row>>(null);
  const rid = useRef(newRequestId());
  const cache = useRef(new Map<string, { item: Item; packQty: number }>());

  useEffect(() => {
    void call('slips.get', { slipId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setSlip(r.value);
      setLines(initialLines(r.value));
    });
  }, [slipId]);

  // the count so far survives a reload or a trip to another screen
  useEffect(() => {
    if (!slip) return;
    sessionStorage.setItem(storageKey(slip), JSON.stringify(Object.fromEntries(lines.map((l) => [l.lineId, l.picked]))));
  }, [slip, lines]);

  const ready = !!slip && slip.state === 'draft' && (slip.kind === 'dispatch' || slip.kind === 'return') && slip.missingSignatures.length === 0;
  const isReturn = slip?.kind === 'return';
  const postLabel = isReturn ? t('pick.postReturn') : t('pick.post');

  const rows = useMemo<Row[]>(
    () =>
      lines.map((l) => {
        const sl = slip?.lines.find((x) => x.id === l.lineId);
        return { ...l, spec: sl?.spec ?? '', unit: sl?.unit ?? '' };
      }),
    [lines, slip],
  );

  const process = async (code: string) => {
    if (!ready) return;
    settleEditingForScan(grid.current?.api);
    let hit = cache.current.get(code);
    if (!hit) {
      const r = await call('items.findByBarcode', { code });
      if (!r.ok) {
        beep('error');
        setMessage({ ok: false, text: r.error.code === 'not_found' ? t('pick.unknownCode', { code }) : t('pick.lookupFailed', { code }) });
        return;
      }
      hit = r.value;
      cache.current.set(code, hit);
    }
    const { item, packQty } = hit;
    const cur = linesRef.current;
    const o = applyPick(cur, item, packQty);
    if (o.ok) commit(o.lines, cur);
    if (o.ok) {
      const l = o.lines[o.index];
      beep(o.complete ? 'done' : 'ok');
      setBadRow(null);
      setMessage({
        ok: true,
        text: o.complete ? t('pick.allDone', { post: postLabel }) : t('pick.counted', { name: `${l.itemCode} ${l.itemName}`, n: packQty, picked: l.picked, ordered: l.ordered }),
      });
      flashRow(grid.current?.api, o.index);
    } else if (o.reason === 'not_on_slip') {
      beep('error');
      setBadRow(null);
      setMessage({ ok: false, text: t('pick.wrongItem', { name: `${o.itemCode} ${o.itemName}` }) });
    } else {
      beep('error');
      setBadRow(o.index);
      grid.current?.api.ensureIndexVisible(o.index);
      setMessage({ ok: false, text: t('pick.overPick', { name: `${o.itemCode} ${o.itemName}`, ordered: o.ordered, picked: o.picked, n: o.adding }) });
    }
  };
  const { waiting } = useScanQueue(process, { enabled: ready && !confirm });

  const undo = () => {
    if (!history.length) return;
    setLines(history[history.length - 1]);
    setHistory(history.slice(0, -1));
    setBadRow(null);
    setMessage({ ok: true, text: t('pick.undone') });
  };

  const startPost = () => {
    if (!ready || posting) return;
    setError(null);
    if (pickedTotal(lines) === 0) {
      beep('error');
      setMessage({ ok: false, text: t('pick.nothing') });
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
      sessionStorage.removeItem(storageKey(slip));
      setFlash(t(isReturn ? 'pick.postedReturnFlash' : 'pick.postedFlash', { no: r.value.no }));
      navigate(`/slips/${r.value.id}`, { force: true });
    } else {
      beep('error');
      setError(r.error);
    }
  };

  useHotkeys({
    F9: startPost,
    'Ctrl+Z': undo,
    Escape: () => navigate('/pick'),
  });

  const errored = useMemo(() => erroredItemCodes(error?.details), [error]);

  const cols = useMemo<ColDef<Row>[]>(
    () => [
      { colId: 'no', headerName: '#', width: 52, valueGetter: (x) => (x.node?.rowIndex ?? 0) + 1, cellClass: 'muted' },
      { field: 'itemCode', headerName: t('item.code'), width: 110 },
      { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 160 },
      { field: 'spec', headerName: t('item.spec'), width: 110 },
      { field: 'unit', headerName: t('item.unit'), width: 64 },
      qtyCol<Row>({ field: 'ordered', headerName: isReturn ? t('pick.toReceive') : t('pick.ordered'), width: 100 }),
      qtyCol<Row>({
        field: 'picked',
        headerName: isReturn ? t('pick.received') : t('pick.picked'),
        width: 100,
        editable: ready,
        cellEditor: 'agNumberCellEditor',
        cellEditorParams: { min: 0, precision: 0, showStepperButtons: false },
        cellClass: 'cell-editable pick-count',
      }),
      qtyCol<Row>({ colId: 'left', headerName: t('pick.left'), width: 90, valueGetter: (x) => (x.data ? x.data.ordered - x.data.picked : null) }),
      {
        colId: 'status',
        headerName: t('pick.status'),
        width: 120,
        valueGetter: (x) => (!x.data ? '' : x.data.picked === x.data.ordered ? t('pick.lineDone') : x.data.picked === 0 ? t('pick.lineTodo') : t('pick.lineShort', { n: x.data.ordered - x.data.picked })),
        cellClassRules: {
          'ok-text': (x) => !!x.data && x.data.picked === x.data.ordered,
          'warn-text': (x) => !!x.data && x.data.picked > 0 && x.data.picked < x.data.ordered,
        },
      },
    ],
    [t, isReturn, ready],
  );

  const onEdit = (e: CellEditRequestEvent<Row>) => {
    const i = e.rowIndex ?? -1;
    if (i < 0 || !e.data) return;
    const n = typeof e.newValue === 'number' ? e.newValue : Number(e.newValue);
    if (!Number.isInteger(n) || n < 0 || n > e.data.ordered) {
      beep('error');
      setMessage({ ok: false, text: t('pick.badCount', { ordered: e.data.ordered }) });
      return;
    }
    commit(setPicked(linesRef.current, i, n), linesRef.current);
  };

  if (!slip)
    return (
      <div className="screen-col">
        <Toolbar title={t('nav.pick')} />
        <ErrorLine error={error} />
      </div>
    );

  const total = lines.reduce((s, l) => s + l.ordered, 0);
  const picked = pickedTotal(lines);
  const short = shortLines(lines);
  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {isReturn ? t('pick.titleReturn') : t('pick.title')} <span className="slip-no">{slip.no}</span> <StateTag state={slip.state} />
            <SignatureBadges kind={slip.kind} missing={slip.missingSignatures} short />
          </>
        }
        sub={`${kind(slip.kind)} · ${slip.customerName ?? ''} · ${pay(slip.paymentMode)}`}
      >
        <Btn onClick={undo} hotkey="Ctrl+Z" disabled={!history.length}>
          {t('pick.undo')}
        </Btn>
        <Btn variant="primary" hotkey="F9" onClick={startPost} disabled={!ready || posting}>
          {postLabel}
        </Btn>
      </Toolbar>
      {!ready ? <Notice kind="warn">{slip.state !== 'draft' ? t('pick.notDraft') : t('pick.notSigned', { no: slip.no })}</Notice> : null}
      <ErrorLine error={error} />
      <div className="pick-progress">
        <div className="pick-bar">
          <div className={`pick-bar-fill ${picked === total ? 'done' : ''}`} style={{ width: `${total ? (picked / total) * 100 : 0}%` }} />
        </div>
        <span className="pick-count-text">{t('pick.progress', { picked, total, lines: lines.length - short.length, all: lines.length })}</span>
      </div>
      <ScanPanel message={message} waiting={waiting} prompt={isReturn ? t('pick.promptReturn') : t('pick.prompt')} />
      <div className="grid-fill">
        <Grid<Row>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.lineId)}
          readOnlyEdit
          onCellEditRequest={onEdit}
          rowClassRules={{
            'row-done': (x: RowClassParams<Row>) => !!x.data && x.data.picked === x.data.ordered,
            'row-error': (x: RowClassParams<Row>) => (x.rowIndex === badRow) || (!!x.data && errored.has(x.data.itemCode)),
          }}
        />
      </div>
      <KeyHints
        items={[
          [t('keys.scan'), t('pick.scanHint')],
          ['Enter', t('pick.editCount')],
          ['Ctrl+Z', t('pick.undo')],
          ['F9', postLabel],
          ['Esc', t('keys.back')],
        ]}
      />
      {confirm === 'complete' ? (
        <ConfirmDialog title={t('pick.confirmTitle', { no: slip.no })} confirmText={postLabel} busy={posting} onCancel={() => setConfirm(null)} onConfirm={() => void post()}>
          <p className="dialog-text">{t('pick.confirmComplete', { total, lines: lines.length })}</p>
          <p className="muted">{t('slip.postFinal')}</p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'short' ? (
        <ConfirmDialog
          title={t('pick.shortTitle')}
          confirmText={t('pick.confirmShort')}
          danger
          busy={posting}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void post()}
        >
          <p className="dialog-text">{t('pick.shortText', { post: postLabel })}</p>
          <table className="short-table">
            <thead>
              <tr>
                <th>{t('item.code')}</th>
                <th>{t('item.name')}</th>
                <th className="num">{isReturn ? t('pick.toReceive') : t('pick.ordered')}</th>
                <th className="num">{isReturn ? t('pick.received') : t('pick.picked')}</th>
                <th className="num">{t('pick.left')}</th>
              </tr>
            </thead>
            <tbody>
              {short.map((l) => (
                <tr key={l.lineId}>
                  <td>{l.itemCode}</td>
                  <td>{l.itemName}</td>
                  <td className="num">{l.ordered}</td>
                  <td className="num">{l.picked}</td>
                  <td className="num neg-amount">{l.ordered - l.picked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
