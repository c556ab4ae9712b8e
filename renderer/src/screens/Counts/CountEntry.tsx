// 录入: the count's lines by location. Each scan goes to the core (counts.enter: +1, a case barcode
// its pack quantity; an item not on the list comes back as a found line), one at a time and none
// dropped (useScanQueue); a quantity typed for the selected line sets it. A month-end count has
// 20,000 lines: the answer goes into the grid as one row transaction (found by its row id) and the
// line is scrolled into view and flashed — nothing re-renders the other rows.

import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Count, CountLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { refusalError, useI18n } from '../../i18n';
import { parseQty } from '../../numbers';
import { beep, useScanQueue } from '../../scan';
import { useSession } from '../../session';
import { entryColumns } from './countColumns';

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
    api.applyTransaction(known ? { update: [l] } : { add: [l] });
    const node = known ?? api.getRowNode(String(l.id));
    if (!node) return;
    api.ensureNodeVisible(node);
    api.flashCells({ rowNodes: [node], columns: ['countedQty'] });
  };

  const enter = async (input: { code: string } | { itemId: number; qty: number }) => {
    const r = await call('counts.enter', { countId: p.count.id, ...input });
    if (!r.ok) {
      beep('error');
      return setError(r.error);
    }
    setError(null);
    showLine(r.value);
    p.onLine(r.value);
  };
  useScanQueue((code) => enter({ code }), { enabled: open });
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
          <span className="toolbar-sub">{t('ct.scanHint')}</span>
        </div>
      ) : null}
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<CountLine>
          ref={grid}
          animateRows={false}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<CountLine>(setSel)}
        />
      </div>
    </>
  );
}
