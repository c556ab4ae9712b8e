// 实时状态: the selected receipt printer's status now, asked again every few seconds while the
// 小票打印机 tab is open (receipts.printerStatus: a network printer's DLE EOT real-time status), in
// plain words. One question at a time: the next is asked only once the last was answered.

import { useEffect, useState } from 'react';
import type { LiveStatus as Status, ReceiptPrinter } from '../../../../shared/contract';
import { call } from '../../api';
import { useI18n, type MsgKey } from '../../i18n';

export const STATUS_POLL_MS = 3000;

const TONE: Record<Status, 'ok' | 'warn' | 'bad' | 'none'> = {
  online: 'ok',
  paper_near_end: 'warn',
  paper_out: 'bad',
  cover_open: 'bad',
  offline: 'bad',
  unreachable: 'bad',
  not_found: 'bad',
  permission: 'bad',
  unknown: 'none',
};

function usePrinterStatus(printerId: number | null): Status | null {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    setStatus(null);
    if (printerId === null) return;
    let live = true;
    let timer: number | undefined;
    const ask = async () => {
      const r = await call('receipts.printerStatus', { printerId });
      if (!live) return;
      setStatus(r.ok ? r.value.status : 'unknown');
      timer = window.setTimeout(() => void ask(), STATUS_POLL_MS);
    };
    void ask();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [printerId]);
  return status;
}

export function LiveStatus({ printer }: { printer: ReceiptPrinter | null }) {
  const { t } = useI18n();
  const status = usePrinterStatus(printer?.id ?? null);
  if (!printer) return null;
  return (
    <div className={`live-status live-${status ? TONE[status] : 'none'}`} data-testid="printer-live-status" data-status={status ?? ''}>
      <b>{t('dv.live', { name: printer.name })}</b> {status ? t(`dv.live.${status}` as MsgKey) : t('dv.live.asking')}
    </div>
  );
}
