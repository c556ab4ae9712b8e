// 拣货出库: the keeper's queue — dispatch slips signed by the manager and the finance supervisor,
// and returns the manager signed. Slips still waiting for signatures are listed, greyed, and
// cannot be picked (凭经理签字的发货单据备货). Scanning a slip's number or its printed QR opens it.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef, RowClassParams } from 'ag-grid-community';
import type { SlipSummary } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { SLIP_NO_RE } from '../../components/scanFallback';
import { screenMayTakeFocus } from '../../components/gridKeys';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useScan } from '../../scan';
import { beep } from '../../scan/beep';
import { takeFlash } from '../../slip/flash';
import { SignatureBadges } from '../../slip/parts';
import { usePickByQr } from './pickQr';
import { openVerifyDialog } from '../../printing/QrDesk';

export function PickList() {
  const { t, kind, pay } = useI18n();
  const [rows, setRows] = useState<SlipSummary[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [flash] = useState(takeFlash);
  const grid = useRef<AgGridReact<SlipSummary>>(null);

  const load = useCallback(async () => {
    const [d, r] = await Promise.all([
      call('slips.list', { kind: 'dispatch', state: 'draft', limit: 500 }),
      call('slips.list', { kind: 'return', state: 'draft', limit: 500 }),
    ]);
    if (!d.ok) return setError(d.error);
    if (!r.ok) return setError(r.error);
    const all = [...d.value.rows, ...r.value.rows].filter((x) => x.lineCount > 0);
    all.sort((a, b) => Number(a.missingSignatures.length > 0) - Number(b.missingSignatures.length > 0) || a.id - b.id);
    setRows(all);
    // the queue loads late: the first slip takes the focus unless a dialog has it by then
    setTimeout(() => all.length && screenMayTakeFocus() && grid.current?.api.setFocusedCell(0, 'no'), 50);
  }, []);
  useEffect(() => void load(), [load]);

  const open = (s: SlipSummary) => {
    if (s.missingSignatures.length) {
      beep('error');
      setMsg(t('pick.notSigned', { no: s.no }));
      return;
    }
    navigate(`/pick/${s.id}`);
  };

  useScan((e) => {
    const code = e.code.toUpperCase();
    const s = rows.find((x) => x.no === code);
    if (s) return open(s);
    beep('error');
    setMsg(SLIP_NO_RE.test(code) ? t('pick.notInQueue', { no: code }) : t('pick.scanSlipNo'));
  });

  usePickByQr((_ok, text) => setMsg(text));
  useHotkeys({ F5: () => void load(), F4: openVerifyDialog });

  const cols = useMemo<ColDef<SlipSummary>[]>(
    () => [
      { field: 'no', headerName: t('slip.no'), width: 170, cellClass: 'mono' },
      { field: 'kind', headerName: t('slip.kind'), width: 100, valueFormatter: (x) => (x.value ? kind(x.value) : '') },
      { field: 'businessDate', headerName: t('slip.date'), width: 110 },
      { field: 'customerName', headerName: t('dispatch.customer'), flex: 2, minWidth: 180 },
      {
        colId: 'sig',
        headerName: t('sign.status'),
        width: 160,
        cellRenderer: (x: { data?: SlipSummary }) => (x.data ? <SignatureBadges kind={x.data.kind} missing={x.data.missingSignatures} short /> : null),
      },
      { field: 'paymentMode', headerName: t('dispatch.payment'), width: 110, valueFormatter: (x) => pay(x.value) },
      qtyCol<SlipSummary>({ field: 'lineCount', headerName: t('slip.lines'), width: 70 }),
      qtyCol<SlipSummary>({ field: 'totalQty', headerName: t('slip.totalQty'), width: 90 }),
      moneyCol<SlipSummary>({ field: 'totalAmountFen', headerName: t('slip.totalAmount'), width: 130 }),
    ],
    [t, kind, pay],
  );

  const ready = rows.filter((r) => !r.missingSignatures.length).length;
  return (
    <div className="screen-col">
      <Toolbar title={t('nav.pick')} sub={t('pick.queueCount', { ready, waiting: rows.length - ready })}>
        <Btn onClick={openVerifyDialog} hotkey="F4" data-testid="pick-verify">
          {t('pick.verifyQr')}
        </Btn>
      </Toolbar>
      {flash ? <Notice kind="ok">{flash}</Notice> : null}
      {msg ? <Notice kind="warn">{msg}</Notice> : null}
      <ErrorLine error={error} />
      <Notice kind="info">{t('pick.rule')}</Notice>
      <div className="grid-fill">
        <Grid<SlipSummary>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          rowClassRules={{ 'row-waiting': (x: RowClassParams<SlipSummary>) => !!x.data?.missingSignatures.length }}
          onRowDoubleClicked={(e) => e.data && open(e.data)}
          onCellKeyDown={(e) => {
            const k = (e.event as KeyboardEvent | undefined)?.key;
            if (k === 'Enter' && e.data) open(e.data);
          }}
        />
      </div>
      <KeyHints
        items={[
          ['↑↓', t('keys.move')],
          ['Enter', t('pick.start')],
          [t('keys.scan'), t('pick.scanSlipNo')],
          ['F4', t('pick.verifyQr')],
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}
