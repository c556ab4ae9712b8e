// Scans on a return: a scan adds its pack quantity to the line of that item, up to what can still
// be returned; an item not on the dispatch, or one more than may come back, is refused.

import type { RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { useScanQueue } from '../../scan';
import { beep } from '../../scan/beep';
import type { EditLine } from '../../slip/lines';
import { flashRow, settleEditingForScan } from '../../slip/LinesGrid';
import type { ScanMessage } from '../../slip/useLineScanner';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function useReturnScanner(draft: SlipDraft, grid: RefObject<AgGridReact<EditLine> | null>, say: (m: ScanMessage) => void, enabled: boolean) {
  const { t } = useI18n();
  return useScanQueue(
    async (code) => {
      settleEditingForScan(grid.current?.api);
      const r = await call('items.findByBarcode', { code });
      if (!r.ok) {
        beep('error');
        say({ ok: false, text: t('pick.unknownCode', { code }) });
        return;
      }
      const { item, packQty } = r.value;
      const name = `${item.code} ${item.name}`;
      const lines = draft.getLines();
      const i = lines.findIndex((l) => l.itemId === item.id && l.qty + packQty <= (l.returnableQty ?? 0));
      if (i < 0) {
        beep('error');
        const onSlip = lines.some((l) => l.itemId === item.id);
        say({ ok: false, text: onSlip ? t('ret.scanOver', { name }) : t('ret.scanNotOnDispatch', { name }) });
        return;
      }
      draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, qty: l.qty + packQty } : l)));
      beep('ok');
      say({ ok: true, text: t('ret.scanAdded', { name, n: packQty }) });
      setTimeout(() => flashRow(grid.current?.api, i), 50);
    },
    { enabled },
  );
}
