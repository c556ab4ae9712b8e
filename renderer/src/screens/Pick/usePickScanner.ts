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
import { pickWord } from './words';

interface Options {
  ready: boolean;
  /** a customer return: the scans receive (收回) */
  isReturn: boolean;
  enabled: boolean;
  count: PickCount;
  grid: RefObject<AgGridReact | null>;
  postLabel: string;
  say(m: ScanMessage): void;
  setBadRow(i: number | null): void;
}

export function usePickScanner({ ready, isReturn, enabled, count, grid, postLabel, say, setBadRow }: Options) {
  const { t } = useI18n();
  const w = (k: Parameters<typeof pickWord>[1]) => pickWord(isReturn, k);
  const cache = useRef(new Map<string, { item: Item; packQty: number }>());
  /** the line the last good scan counted on (F7 marks it defective on a return) */
  const lastIndex = useRef<number | null>(null);

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
      lastIndex.current = o.index;
      const l = o.lines[o.index];
      beep(o.complete ? 'done' : 'ok');
      setBadRow(null);
      say({
        ok: true,
        text: o.complete
          ? t(w('allDone'), { post: postLabel })
          : t(w('counted'), { name: `${l.itemCode} ${l.itemName}`, n: packQty, picked: l.picked, ordered: l.ordered }),
      });
      flashRow(grid.current?.api, o.index);
    } else if (o.reason === 'not_on_slip') {
      beep('error');
      setBadRow(null);
      say({ ok: false, text: t(w('wrongItem'), { name: `${o.itemCode} ${o.itemName}` }) });
    } else {
      beep('error');
      setBadRow(o.index);
      grid.current?.api.ensureIndexVisible(o.index);
      say({ ok: false, text: t(w('overPick'), { name: `${o.itemCode} ${o.itemName}`, ordered: o.ordered, picked: o.picked, n: o.adding }) });
    }
  };
  return { ...useScanQueue(process, { enabled }), lastIndex };
}
