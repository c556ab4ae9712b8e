// 打印小票 / 补打小票: a receipt of a document on this desk's printer — receipts.print logs it (its print
// number), receipts.send sends it; a printer that does not print shows its message and 重试, which
// sends the same print again. Offered only to the roles the core lets print that receipt.

import { useState } from 'react';
import { mayPrintReceipt, type ReceiptKind, type ReceiptPrint } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { deskName } from './desk';
import './receipts.css';

export function ReceiptButton({ kind, id }: { kind: ReceiptKind; id: number }) {
  const { t } = useI18n();
  const session = useSession();
  const [pending, setPending] = useState<ReceiptPrint | null>(null);
  const [done, setDone] = useState<ReceiptPrint | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session.can('receipts.print') || !mayPrintReceipt(kind, (r) => session.has(r))) return null;

  const send = async (rec: ReceiptPrint) => {
    const r = await call('receipts.send', { printId: rec.id });
    if (!r.ok) return setError(r.error);
    setPending(null);
    setDone(rec);
  };
  const print = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await call('receipts.print', { kind, id, desk: deskName() });
    if (r.ok) {
      setPending(r.value);
      await send(r.value);
    } else setError(r.error);
    setBusy(false);
  };
  const retry = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    await send(pending);
    setBusy(false);
  };

  return (
    <span className="receipt-button" data-testid={`receipt-${kind}`}>
      <Btn disabled={busy} onClick={() => void (pending && error ? retry() : print())}>
        {busy ? t('rp.printing') : pending && error ? t('rp.retry') : t(done ? 'rp.reprint' : 'rp.print')}
      </Btn>
      {error ? <ErrorLine error={error} /> : null}
      {done && !error ? <Notice kind="ok">{t('rp.printed', { label: done.label, n: done.printNo })}</Notice> : null}
    </span>
  );
}
