// 录入: the count's lines by location. Each scan goes to the core (counts.enter: +1, a case barcode
// its pack quantity; an item not on the list comes back as a found line), one at a time and none
// dropped (useScanQueue); a quantity typed for the selected line sets it. A GS1 scan adds its count
// (AI 30 / 37) times the pack quantity; its batch and expiry are shown with the last scan.

import { useMemo, useState } from 'react';
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
  const showBook = p.lines.some((l) => l.bookQty !== null) || !p.count.blind;
  const cols = useMemo(() => entryColumns(t, showBook), [t, showBook]);

  const enter = async (input: { code: string; count?: number } | { itemId: number; qty: number }): Promise<boolean> => {
    const r = await call('counts.enter', { countId: p.count.id, ...input });
    if (!r.ok) {
      beep('error');
      setError(r.error);
      return false;
    }
    setError(null);
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
          <span className="toolbar-sub" data-testid="count-last-scan">
            {last ?? t('ct.scanHint')}
          </span>
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
