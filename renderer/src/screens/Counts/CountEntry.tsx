// 录入: the count's lines by location. Each scan goes to the core (counts.enter: +1, a case barcode
// its pack quantity; an item not on the list comes back as a found line), one at a time and none
// dropped (useScanQueue); a quantity typed for the selected line sets it. A month-end count has
// 20,000 lines: the answer goes into the grid as one row transaction (found by its row id), and the
// line just counted shows pinned at the top of the grid (whatever the keeper scrolled to, the scan's
// result is in view) — nothing re-renders the other rows, and the grid does not jump.
// A GS1 scan adds its count (AI 30 / 37) times the pack quantity; its batch and expiry are shown
// with the last scan.

import { useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import type { Count, CountLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { refusalError, useI18n, type I18n } from '../../i18n';
import { parseQty } from '../../numbers';
import { beep, useScanQueue, type ScanEvent } from '../../scan';
import { gs1Words } from '../../scan/gs1Words';
import { useSession } from '../../session';
import { entryColumns } from './countColumns';

/** Where a found line goes among the lines as the core orders them (库位, then item code): a binary search. */
function placeOf(api: GridApi<CountLine>, l: CountLine): number {
  const key = (x: CountLine) => [x.location, x.itemCode] as const;
  const before = (a: CountLine, b: CountLine) => (key(a)[0] === key(b)[0] ? key(a)[1] < key(b)[1] : key(a)[0] < key(b)[0]);
  let lo = 0;
  let hi = api.getDisplayedRowCount();
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = api.getDisplayedRowAtIndex(mid)?.data;
    if (x && before(x, l)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last scan in words: its code, a GS1 scan's count, batch and expiry (and whether it has passed). */
function scanNote(t: I18n['t'], scan: ScanEvent): string {
  const g = scan.gs1;
  const head = t('dv.countScan', { code: scan.code }) + (g?.count ? ` ${t('dv.scanTimes', { n: g.count })}` : '');
  return [head, gs1Words(t, g, ['batch', 'expiry']), scan.expired ? t('dv.expired', { date: g?.expiry ?? '' }) : ''].filter(Boolean).join(' · ');
}

export function CountEntry(p: { count: Count; lines: CountLine[]; onLine(l: CountLine): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [sel, setSel] = useState<CountLine | null>(null);
  const [qty, setQty] = useState('');
  const [error, setError] = useState<DeskErr | null>(null);
  const open = p.count.state === 'open' && session.can('counts.enter');
  const showBook = !p.count.blind || session.has('manager'); // as the core's seesBook
  const cols = useMemo(() => entryColumns(t, showBook), [t, showBook]);
  const grid = useRef<AgGridReact<CountLine>>(null);
  const [rows] = useState(p.lines); // later lines go in by transaction (showLine)

  const showLine = (l: CountLine) => {
    const api = grid.current?.api;
    if (!api) return;
    const known = api.getRowNode(String(l.id));
    api.applyTransaction(known ? { update: [l] } : { add: [l], addIndex: placeOf(api, l) });
    api.setGridOption('pinnedTopRowData', [l]);
    const pinned = api.getPinnedTopRow(0);
    if (pinned) api.flashCells({ rowNodes: [pinned], columns: ['countedQty'] });
  };

  const enter = async (input: { code: string; count?: number } | { itemId: number; qty: number }): Promise<boolean> => {
    const r = await call('counts.enter', { countId: p.count.id, ...input });
    if (!r.ok) {
      beep('error');
      setError(r.error);
      return false;
    }
    setError(null);
    showLine(r.value);
    p.onLine(r.value);
    return true;
  };
  const [last, setLast] = useState<string | null>(null);
  useScanQueue(
    async (code, scan) => {
      if (await enter({ code, count: scan.gs1?.count })) setLast(scanNote(t, scan));
    },
    { enabled: open, refused: setError },
  );
  const typed = async () => {
    if (!sel) return;
    const q = parseQty(qty, { min: 0 });
    if (!q.ok) return setError(refusalError(q.refusal));
    await enter({ itemId: sel.itemId, qty: q.value });
    setQty('');
  };

  return (
    <>
      {open ? (
        <div className="inline-field">
          <Field label={`${t('ct.typeQty')}${sel ? ` ${sel.itemCode}` : ''}`}>
            <input
              className="input narrow"
              value={qty}
              disabled={!sel}
              onChange={(e) => setQty(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && void typed()}
              data-testid="count-qty"
            />
          </Field>
          <Btn disabled={!sel} onClick={() => void typed()}>
            {t('ct.setQty')}
          </Btn>
          <span className="toolbar-sub">
            <span data-testid="count-last-scan">{last ?? t('ct.scanHint')}</span> · {t('ctm.lastHint')}
          </span>
        </div>
      ) : null}
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<CountLine>
          ref={grid}
          animateRows={false}
          getRowClass={(x) => (x.node.rowPinned ? 'count-last' : undefined)}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<CountLine>(setSel)}
        />
      </div>
    </>
  );
}
