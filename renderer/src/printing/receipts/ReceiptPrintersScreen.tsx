// 小票打印机 (/print-settings/receipts, the second tab of 打印设置; manager / admin): the office's
// receipt printers (ag-grid: connection and device class — USB printer class vs HID — address, paper,
// state, this session's test), this desk's printer (DeskPrinterPanel), 测试打印 with the printer's own
// message and 重试 when it does not print, the selected printer's live status (LiveStatus, asked every
// few seconds while the tab is open), and the test page's preview from the same builder.
// Keys: F2 新增 · F3 修改 · F4 测试打印 · F5 refresh.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { ReceiptPrinter } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { focusedRow, Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { PrintTabs } from '../PrintTabs';
import { DeskPrinterPanel } from './DeskPrinterPanel';
import { LiveStatus } from './LiveStatus';
import { PrinterDialog } from './PrinterDialog';
import { ReceiptPreview } from './ReceiptPreview';
import './receipts.css';

type Tested = Record<number, boolean>;

function usePrinterColumns(tested: Tested): ColDef<ReceiptPrinter>[] {
  const { t } = useI18n();
  return useMemo<ColDef<ReceiptPrinter>[]>(
    () => [
      { field: 'name', headerName: t('rp.col.name'), width: 130 },
      // the device class says the connection too: USB printer class vs HID, network, OS queue
      { colId: 'kind', headerName: t('rp.col.transport'), width: 240, valueGetter: (p) => (p.data ? t(`rp.kind.${p.data.transport}` as MsgKey) : '') },
      { field: 'address', headerName: t('rp.col.address'), flex: 1, minWidth: 120 },
      { colId: 'width', headerName: t('rp.col.width'), width: 130, valueGetter: (p) => (p.data ? t(`rp.width.${p.data.width}` as MsgKey) : '') },
      { colId: 'active', headerName: t('rp.col.active'), width: 70, valueGetter: (p) => (p.data ? t(p.data.active ? 'rp.active' : 'rp.inactive') : '') },
      {
        colId: 'status',
        headerName: t('rp.col.status'),
        width: 90,
        valueGetter: (p) => (!p.data ? '' : p.data.id in tested ? t(tested[p.data.id] ? 'rp.status.ok' : 'rp.status.bad') : t('rp.status.none')),
        cellClass: (p) => (p.data && tested[p.data.id] === false ? 'cell-bad' : ''),
      },
    ],
    [t, tested],
  );
}

export function ReceiptPrintersScreen() {
  const { t } = useI18n();
  const canEdit = useSession().can('receipts.savePrinter');
  const [rows, setRows] = useState<ReceiptPrinter[]>([]);
  const [selected, setSelected] = useState<ReceiptPrinter | null>(null);
  const [editing, setEditing] = useState<ReceiptPrinter | 'new' | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const [tested, setTested] = useState<Tested>({});
  const [busy, setBusy] = useState(false);
  const grid = useRef<AgGridReact<ReceiptPrinter>>(null);
  const cols = usePrinterColumns(tested);

  const load = useCallback(async () => {
    const r = await call('receipts.printers', { includeInactive: true });
    if (!r.ok) return setError(r.error);
    setRows(r.value.printers);
    setSelected((s) => r.value.printers.find((p) => p.id === s?.id) ?? r.value.printers[0] ?? null);
  }, []);
  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (!selected) return setSvg(null);
    void call('receipts.testPreview', { printerId: selected.id }).then((r) => (r.ok ? setSvg(r.value.svg) : setError(r.error)));
  }, [selected]);

  const current = () => focusedRow(grid) ?? selected;
  const testPrint = async () => {
    const p = current();
    if (!p) return setNotice(t('rp.pickRow'));
    setBusy(true);
    setNotice(null);
    const r = await call('receipts.testPrint', { printerId: p.id });
    setBusy(false);
    setTested((x) => ({ ...x, [p.id]: r.ok }));
    if (!r.ok) return setError(r.error);
    setError(null);
    setNotice(t('rp.testOk', { name: p.name, bytes: r.value.bytes }));
  };
  const edit = () => {
    const p = current();
    if (p) setEditing(p);
    else setNotice(t('rp.pickRow'));
  };
  useHotkeys({ F2: () => canEdit && setEditing('new'), F3: () => canEdit && edit(), F4: () => void testPrint(), F5: () => void load() });

  return (
    <div className="screen-col receipt-printers-screen" data-testid="receipt-printers-screen">
      <Toolbar title={t('rp.title')}>
        <PrintTabs on="receipts" />
        {canEdit ? (
          <>
            <Btn hotkey="F2" onClick={() => setEditing('new')} data-testid="printer-add">
              {t('rp.add')}
            </Btn>
            <Btn hotkey="F3" onClick={edit} data-testid="printer-edit">
              {t('rp.edit')}
            </Btn>
          </>
        ) : null}
        <Btn variant="primary" hotkey="F4" disabled={busy} onClick={() => void testPrint()} data-testid="printer-test">
          {busy ? t('rp.testing') : t('rp.test')}
        </Btn>
      </Toolbar>
      <div className="muted receipt-help">{t('rp.help')}</div>
      <div className="receipt-printers-body">
        <div className="receipt-printers-main">
          {canEdit ? <DeskPrinterPanel key={rows.length} printers={rows.filter((p) => p.active)} /> : null}
          <div className="receipt-error">
            <ErrorLine error={error} />
            {error?.code === 'printer_failed' ? (
              <Btn onClick={() => void testPrint()} data-testid="printer-retry">
                {t('rp.retry')}
              </Btn>
            ) : null}
          </div>
          {notice ? <Notice kind="ok">{notice}</Notice> : null}
          <LiveStatus printer={selected} />
          <div className="grid-fill">
            <Grid<ReceiptPrinter>
              ref={grid}
              rowData={rows}
              columnDefs={cols}
              getRowId={(x) => String(x.data.id)}
              {...selectFollowsFocus<ReceiptPrinter>(setSelected)}
              onRowDoubleClicked={(e) => canEdit && e.data && setEditing(e.data)}
            />
          </div>
        </div>
        <ReceiptPreview svg={svg} />
      </div>
      <KeyHints
        items={[
          ...(canEdit
            ? ([
                ['F2', t('rp.add')],
                ['F3', t('rp.edit')],
              ] as [string, string][])
            : []),
          ['F4', t('rp.test')],
          ['F5', t('keys.refresh')],
        ]}
      />
      {editing ? (
        <PrinterDialog
          printer={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setNotice(t('rp.saved', { name: p.name }));
            setSelected(p);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
