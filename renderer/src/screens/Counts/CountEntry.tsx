// 录入: the count's lines by location. Each scan goes to the core (counts.enter: +1, a case barcode
// its pack quantity; an item not on the list comes back as a found line), one at a time and none
// dropped (useScanQueue); a quantity typed for the selected line sets it.

import { useMemo, useState } from 'react';
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
  const showBook = p.lines.some((l) => l.bookQty !== null) || !p.count.blind;
  const cols = useMemo(() => entryColumns(t, showBook), [t, showBook]);

  const enter = async (input: { code: string } | { itemId: number; qty: number }) => {
    const r = await call('counts.enter', { countId: p.count.id, ...input });
    if (!r.ok) {
      beep('error');
      return setError(r.error);
    }
    setError(null);
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
          animateRows={false}
          rowData={p.lines}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<CountLine>(setSel)}
        />
      </div>
    </>
  );
}
