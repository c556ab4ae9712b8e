// The keeper's pick (备货 / 退货收回): scan the goods against the lines of a signed slip. Each
// line shows picked vs ordered; a wrong item or an over-pick is refused with a buzz and a clear
// message. Post (出库 / 退货入库) when complete, or confirm a short pick. On a return the scans
// receive (收回) and a line can be marked defective (次品, F7).
// Keys: scan · Enter edit a count · F7 次品 (return) · Ctrl+Z undo last scan · F9 post · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, RowClassParams } from 'ag-grid-community';
import type { Slip } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, LINE_ORDER } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { parseQty, refusalText } from '../../numbers';
import { beep } from '../../scan/beep';
import { erroredItemCodes } from '../../slip/lines';
import { ScanPanel, SignatureBadges } from '../../slip/parts';
import { setPicked } from '../../slip/pick';
import type { ScanMessage } from '../../slip/useLineScanner';
import { pickColumns, type PickRow } from './pickColumns';
import { PickConfirm, PickProgress } from './PickParts';
import { initialLines, usePickCount } from './usePickCount';
import { usePickPost } from './usePickPost';
import { usePickScanner } from './usePickScanner';
import { useDefectiveMark } from './useDefectiveMark';
import { pickWord } from './words';
import { usePickByQr } from './pickQr';
import { CarrierPicker } from '../../slip/CarrierPicker';
import { NamedPrint } from '../../printing/NamedPrint';

export function PickScreen({ slipId }: { slipId: number }) {
  const { t, kind, pay } = useI18n();
  const [slip, setSlip] = useState<Slip | null>(null);
  const count = usePickCount(slip);
  const { lines } = count;
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [badRow, setBadRow] = useState<number | null>(null);
  const grid = useRef<AgGridReact<PickRow>>(null);

  useEffect(() => {
    void call('slips.get', { slipId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setSlip(r.value);
      count.setLines(initialLines(r.value));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slipId]);

  const ready = !!slip && slip.state === 'draft' && (slip.kind === 'dispatch' || slip.kind === 'return') && slip.missingSignatures.length === 0;
  const isReturn = slip?.kind === 'return';
  const postLabel = isReturn ? t('pick.postReturn') : t('pick.post');
  const post = usePickPost({ slip, lines, ready, say: setMessage, setError });
  const { waiting, lastIndex } = usePickScanner({ ready, isReturn, enabled: ready && !post.confirm, count, grid, postLabel, say: setMessage, setBadRow });
  usePickByQr((ok, text) => setMessage({ ok, text }));
  const markDefective = useDefectiveMark({ on: ready && isReturn, count, grid, lastIndex, say: setMessage });

  const rows = useMemo<PickRow[]>(
    () =>
      lines.map((l) => {
        const sl = slip?.lines.find((x) => x.id === l.lineId);
        const oldest = sl?.oldestLayer ? `${sl.oldestLayer.date} ${sl.oldestLayer.slipNo}` : '';
        return { ...l, spec: sl?.spec ?? '', unit: sl?.unit ?? '', location: sl?.location ?? '', oldest };
      }),
    [lines, slip],
  );

  const undo = () => {
    if (!count.undo()) return;
    setBadRow(null);
    setMessage({ ok: true, text: t('pick.undone') });
  };

  useHotkeys({ F9: post.start, 'Ctrl+Z': undo, Escape: () => navigate('/pick'), ...(isReturn ? { F7: () => markDefective() } : {}) });

  const errored = useMemo(() => erroredItemCodes(error?.details), [error]);
  const cols = useMemo(() => pickColumns(t, isReturn, ready), [t, isReturn, ready]);

  const onEdit = (e: CellEditRequestEvent<PickRow>) => {
    const i = e.rowIndex ?? -1;
    if (i < 0 || !e.data) return;
    const q = parseQty(String(e.newValue ?? ''), { field: 'picked', min: 0, max: e.data.ordered });
    if (!q.ok) {
      beep('error');
      const why = q.refusal.reason === 'tooLarge' ? t(pickWord(isReturn, 'badCount'), { ordered: e.data.ordered }) : refusalText(q.refusal, t);
      setMessage({ ok: false, text: why });
      return;
    }
    count.commit(setPicked(count.linesRef.current, i, q.value), count.linesRef.current);
  };

  if (!slip)
    return (
      <div className="screen-col">
        <Toolbar title={t('nav.pick')} />
        <ErrorLine error={error} />
      </div>
    );

  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {isReturn ? t('pick.titleReturn') : t('pick.title')} <span className="slip-no">{slip.no}</span> <StateTag state={slip.state} />
            <SignatureBadges kind={slip.kind} missing={slip.missingSignatures} short />
          </>
        }
        sub={
          <>
            {`${kind(slip.kind)} · ${slip.customerName ?? ''} · ${pay(slip.paymentMode)} · ${t('carrier.label')} `}
            <CarrierPicker slip={slip} onChanged={(x, text) => (setSlip(x), setMessage({ ok: true, text }))} />
          </>
        }
      >
        {isReturn ? (
          <Btn onClick={() => markDefective()} hotkey="F7" disabled={!ready} data-testid="mark-defective">
            {t('recv.markDefective')}
          </Btn>
        ) : null}
        {!isReturn ? <NamedPrint name={t('rep.pickList')} target={{ doc: 'pickList', slipId: slip.id }} testId="pick-list-print" /> : null}
        <Btn onClick={undo} hotkey="Ctrl+Z" disabled={!count.canUndo}>
          {t('pick.undo')}
        </Btn>
        <Btn variant="primary" hotkey="F9" onClick={post.start} disabled={!ready || post.posting}>
          {postLabel}
        </Btn>
      </Toolbar>
      {!ready ? <Notice kind="warn">{slip.state !== 'draft' ? t(pickWord(isReturn, 'notDraft')) : t('pick.notSigned', { no: slip.no })}</Notice> : null}
      <ErrorLine error={error} />
      <PickProgress lines={lines} isReturn={isReturn} />
      <ScanPanel message={message} waiting={waiting} prompt={isReturn ? t('pick.promptReturn') : t('pick.prompt')} />
      <div className="grid-fill">
        <Grid<PickRow>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          defaultColDef={LINE_ORDER}
          getRowId={(x) => String(x.data.lineId)}
          readOnlyEdit
          onCellEditRequest={onEdit}
          onCellClicked={(e) => e.column.getColId() === 'defective' && e.rowIndex != null && markDefective(e.rowIndex)}
          rowClassRules={{
            'row-done': (x: RowClassParams<PickRow>) => !!x.data && x.data.picked === x.data.ordered,
            'row-error': (x: RowClassParams<PickRow>) => x.rowIndex === badRow || (!!x.data && errored.has(x.data.itemCode)),
          }}
        />
      </div>
      <KeyHints
        items={[
          [t('keys.scan'), t(pickWord(isReturn, 'scanHint'))],
          ['Enter', t('pick.editCount')],
          ...(isReturn ? ([['F7', t('recv.markHint')]] as [string, string][]) : []),
          ['Ctrl+Z', t('pick.undo')],
          ['F9', postLabel],
          ['Esc', t('keys.back')],
        ]}
      />
      <PickConfirm
        confirm={post.confirm}
        slipNo={slip.no}
        lines={lines}
        isReturn={isReturn}
        postLabel={postLabel}
        posting={post.posting}
        onCancel={post.cancel}
        onPost={() => void post.post()}
      />
    </div>
  );
}
