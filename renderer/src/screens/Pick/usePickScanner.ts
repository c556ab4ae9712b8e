// Scans on the pick screen: each scan counts its pack quantity on the first line of that item
// with room for it; a wrong item or an over-pick is refused with a buzz and counts nothing.

import { useRef, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Item } from '../../../../shared/contract';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useScanQueue } from '../../scan';
import { beep } from '../../scan/beep';
import { flashRow, settleEditingForScan } from '../../slip/LinesGrid';
import { applyPick } from '../../slip/pick';
import type { ScanMessage } from '../../slip/useLineScanner';
import type { PickCount } from './usePickCount';

interface Options {
  ready: boolean;
  enabled: boolean;
  count: PickCount;
  grid: RefObject<AgGridReact | null>;
  postLabel: string;
  say(m: ScanMessage): void;
  setBadRow(i: number | null): void;
}

export function usePickScanner({ ready, enabled, count, grid, postLabel, say, setBadRow }: Options) {
  const { t } = useI18n();
  const cache = useRef(new Map<string, { item: Item; packQty: number }>());

  const process = async (code: string) => {
    if (!ready) return;
    settleEditingForScan(grid.current?.api);
    let hit = cache.current.get(code);
    if (!hit) {
      const r = await call('items.findByBarcode', { code });
      if (!r.ok) {
        beep('error');
        say({ ok: false, text: r.error.code === 'not_found' ? t('pick.unknownCode', { code }) : t('pick.lookupFailed', { code }) });
        return;
      }
      hit = r.value;
      cache.current.set(code, hit);
    }
    const { item, packQty } = hit;
    const cur = count.linesRef.current;
    const o = applyPick(cur, item, packQty);
    if (o.ok) {
      count.commit(o.lines, cur);
      const l = o.lines[o.index];
      beep(o.complete ? 'done' : 'ok');
      setBadRow(null);
      say({
        ok: true,
        text: o.complete
          ? t('pick.allDone', { post: postLabel })
          : t('pick.counted', { name: `${l.itemCode} ${l.itemName}`, n: packQty, picked: l.picked, ordered: l.ordered }),
      });
      flashRow(grid.current?.api, o.index);
    } else if (o.reason === 'not_on_slip') {
      beep('error');
      setBadRow(null);
      say({ ok: false, text: t('pick.wrongItem', { name: `${o.itemCode} ${o.itemName}` }) });
    } else {
      beep('error');
      setBadRow(o.index);
      grid.current?.api.ensureIndexVisible(o.index);
      say({ ok: false, text: t('pick.overPick', { name: `${o.itemCode} ${o.itemName}`, ordered: o.ordered, picked: o.picked, n: o.adding }) });
    }
  };
  return useScanQueue(process, { enabled });
}
