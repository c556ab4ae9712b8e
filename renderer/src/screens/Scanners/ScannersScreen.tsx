// 扫描枪 (打印设置's second tab, /print-settings/scanners): the HID-POS scanners the main process
// finds (and scanner makers' devices still in keyboard mode), each with its status and, when it
// cannot be used, what to do in plain words (a notice per scanner above the list); the one this desk uses (F2; F4 takes every scanner);
// the report layout of the selected one (LayoutChoice); and 试扫, which shows what any scan reads. The list follows hot-plug as it happens.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { ScannerInfo } from '../../../../shared/bridge';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n, type MsgKey } from '../../i18n';
import { PrintTabs } from '../../printing/PrintTabs';
import { LayoutChoice } from './LayoutChoice';
import { TestScan } from './TestScan';
import { useScanners } from './useScanners';
import './scanners.css';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function useColumns(chosen: string | null): ColDef<ScannerInfo>[] {
  const { t } = useI18n();
  return useMemo<ColDef<ScannerInfo>[]>(
    () => [
      { colId: 'used', headerName: t('scn.used'), width: 100, valueGetter: (p) => (p.data && p.data.key === chosen ? t('scn.usedMark') : '') },
      { field: 'name', headerName: t('scn.name'), flex: 1, minWidth: 140 },
      { colId: 'state', headerName: t('scn.state'), width: 100, valueGetter: (p) => (p.data ? t(`scn.state.${p.data.state}` as MsgKey) : '') },
      { field: 'path', headerName: t('scn.path'), width: 150, cellClass: 'mono' },
      {
        colId: 'ids',
        headerName: t('scn.ids'),
        width: 100,
        cellClass: 'mono',
        valueGetter: (p) => (p.data ? `${hex4(p.data.vendorId)}:${hex4(p.data.productId)}` : ''),
      },
      {
        colId: 'layout',
        headerName: t('scn.layout'),
        width: 170,
        valueGetter: (p) => (p.data ? t(`dv.layout.${p.data.layout}` as MsgKey) + (p.data.layoutChoice === 'auto' ? '' : ` ${t('dv.layoutManual')}`) : ''),
      },
    ],
    [t, chosen],
  );
}

export function ScannersScreen() {
  const { t, lang } = useI18n();
  const { state, chosen, choose } = useScanners();
  const [selected, setSelected] = useState<ScannerInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cols = useColumns(chosen);
  const use = () => (selected ? (choose(selected.key), setNotice(null)) : setNotice(t('scn.pickRow')));
  useHotkeys({ F2: use, F4: () => choose(null) });
  const hidCount = state.scanners.filter((s) => s.state !== 'keyboard').length;
  const chosenGone = chosen !== null && !state.scanners.some((s) => s.key === chosen);
  return (
    <div className="screen-col scanners-screen" data-testid="scanners-screen">
      <Toolbar title={t('scn.title')} sub={t('scn.sub', { n: hidCount })}>
        <PrintTabs on="scanners" />
        <Btn variant="primary" hotkey="F2" onClick={use} data-testid="scanner-use">
          {t('scn.use')}
        </Btn>
        <Btn hotkey="F4" onClick={() => choose(null)} data-testid="scanner-any">
          {t('scn.useAny')}
        </Btn>
      </Toolbar>
      {state.problem ? <Notice kind="error">{lang === 'zh' ? state.problem.message_zh : state.problem.message_en}</Notice> : null}
      {notice ? <Notice kind="warn">{notice}</Notice> : null}
      {chosenGone ? <Notice kind="warn">{t('scn.chosenGone', { key: chosen })}</Notice> : null}
      <Notice>{state.scanners.length || state.problem ? t('scn.hint') : t('scn.none')}</Notice>
      {state.scanners
        .filter((x) => x.problem)
        .map((x) => (
          <Notice key={x.path} kind={x.state === 'ready' ? 'warn' : x.state === 'keyboard' ? 'info' : 'error'}>
            <b>
              {x.name} <span className="mono">{x.path}</span>
            </b>
            : {lang === 'zh' ? x.problem!.message_zh : x.problem!.message_en}
          </Notice>
        ))}
      <LayoutChoice scanner={state.scanners.find((x) => x.path === selected?.path) ?? null} />
      <div className="scanners-body">
        <div className="grid-fill">
          <Grid<ScannerInfo> rowData={state.scanners} columnDefs={cols} getRowId={(x) => x.data.path} {...selectFollowsFocus<ScannerInfo>(setSelected)} />
        </div>
        <TestScan />
      </div>
      <KeyHints
        items={[
          ['F2', t('scn.use')],
          ['F4', t('scn.useAny')],
        ]}
      />
    </div>
  );
}
