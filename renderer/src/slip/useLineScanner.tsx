// Scans on a slip editor (inbound, dispatch): each scan adds its item to the slip or adds to its
// line — a case barcode adds its pack quantity, a GS1 count (AI 30 / 37) that many times. A GS1
// scan's batch and expiry are shown with its answer; an expired one on a dispatch is a warning.
// An unknown code opens a dialog to link it or create the item, without losing the slip; scans
// made meanwhile wait their turn.

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Item } from '../../../shared/contract';
import { call, type DeskErr } from '../api';
import { useI18n } from '../i18n';
import { useScanQueue, type ScanEvent } from '../scan';
import { gs1Words } from '../scan/gs1Words';
import { beep } from '../scan/beep';
import { useSession } from '../session';
import { addItemQty, lineCostMissing, type ByItemKind, type EditLine } from './lines';
import { flashRow, settleEditingForScan } from './LinesGrid';
import { UnknownBarcodeDialog } from './UnknownBarcodeDialog';
import type { SlipDraft } from './useSlipDraft';

export interface ScanMessage {
  ok: boolean;
  text: string;
  /** added, but look again (an expired GS1 scan on a dispatch) */
  warn?: boolean;
}

export function useLineScanner(kind: ByItemKind, draft: SlipDraft, grid: RefObject<AgGridReact<EditLine> | null>, enabled: boolean) {
  const { t, err } = useI18n();
  const session = useSession();
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [unknown, setUnknown] = useState<{ code: string; resolve(r: { item: Item; packQty: number } | null): void } | null>(null);
  const cache = useRef(new Map<string, { item: Item; packQty: number }>());
  const canLink = session.can('items.linkBarcode');
  // the answer to the last scan belongs to its slip: another slip (F2, Back) starts without it
  useEffect(() => setMessage(null), [draft.generation]);

  const rowOf = (itemId: number): number => {
    let index = -1;
    grid.current?.api.forEachNode((n) => {
      if (index < 0 && n.data?.itemId === itemId && n.data.sourceLineId === null) index = n.rowIndex ?? -1;
    });
    return index;
  };

  const add = (item: Item, packQty: number, code: string, scan?: ScanEvent) => {
    const qty = packQty * (scan?.gs1?.count ?? 1);
    draft.setLines((ls) => addItemQty(ls, item, qty, kind).lines);
    const warn = !!scan?.expired && kind === 'dispatch';
    beep(warn ? 'error' : 'ok');
    const added = t('scan.added', { name: `${item.code} ${item.name}`, n: qty, unit: item.unit, code });
    const expired = scan?.expired ? t(kind === 'dispatch' ? 'dv.expiredDispatch' : 'dv.expired', { date: scan.gs1?.expiry ?? '' }) : '';
    setMessage({ ok: true, warn, text: [added, gs1Words(t, scan?.gs1, ['batch', 'expiry']), expired].filter(Boolean).join(' · ') });
    setTimeout(() => {
      const i = rowOf(item.id);
      const line = draft.getLines()[i];
      flashRow(grid.current?.api, i, kind === 'inbound' && line && lineCostMissing(line) ? 'unitCostFen' : 'qty');
    }, 60);
  };

  const process = async (code: string, scan?: ScanEvent) => {
    settleEditingForScan(grid.current?.api, code);
    let hit = cache.current.get(code);
    let error: DeskErr | null = null;
    if (!hit) {
      const r = await call('items.findByBarcode', { code });
      if (r.ok) {
        hit = r.value;
        cache.current.set(code, hit);
      } else error = r.error;
    }
    if (hit) return add(hit.item, hit.packQty, code, scan);
    beep('error');
    if (error?.code === 'not_found' && canLink) {
      setMessage({ ok: false, text: t('scan.unknown', { code }) });
      const res = await new Promise<{ item: Item; packQty: number } | null>((resolve) => setUnknown({ code, resolve }));
      setUnknown(null);
      if (res) {
        cache.current.set(code, res);
        add(res.item, res.packQty, code, scan);
      }
      return;
    }
    setMessage({ ok: false, text: error?.code === 'not_found' ? t('scan.unknownNoLink', { code }) : `${code}: ${err(error)}` });
  };

  // a cell editor the scan's own first keys opened is cancelled as the scan arrives, not when its
  // turn comes (scans waiting behind a lookup or a save would otherwise commit those digits)
  const { waiting } = useScanQueue(process, {
    enabled,
    arrived: (code) => settleEditingForScan(grid.current?.api, code),
    refused: (e) => setMessage({ ok: false, text: err(e) }),
  });

  const dialog = unknown ? (
    <UnknownBarcodeDialog code={unknown.code} onCancel={() => unknown.resolve(null)} onResolved={(item, packQty) => unknown.resolve({ item, packQty })} />
  ) : null;

  /** add from the item search (not a scan): one base unit */
  const addFromSearch = (item: Item) => {
    draft.setLines((ls) => addItemQty(ls, item, 1, kind).lines);
    setMessage({ ok: true, text: t('scan.addedManual', { name: `${item.code} ${item.name}` }) });
    setTimeout(() => {
      const api = grid.current?.api;
      const index = rowOf(item.id);
      flashRow(api, index);
      if (index >= 0) api?.setFocusedCell(index, 'qty');
    }, 60);
  };

  return { message, setMessage, dialog, waiting, addFromSearch };
}
