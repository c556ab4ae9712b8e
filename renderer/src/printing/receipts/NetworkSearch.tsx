// 搜索网络打印机 in the printer dialog (network printers): on request, the desk's own /24 is tried on
// TCP 9100 (receipts.findNetworkPrinters); the addresses that answer are listed, a click fills the
// address in.

import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine } from '../../components/ui';
import { useI18n } from '../../i18n';

type Found = Output<'receipts.findNetworkPrinters'>;

function Result({ found, onPick }: { found: Found; onPick(address: string): void }) {
  const { t } = useI18n();
  const subnets = found.subnets.join('、');
  if (!found.subnets.length) return <span className="muted">{t('dv.searchNoNet')}</span>;
  if (!found.printers.length) return <span className="muted">{t('dv.searchNone', { n: found.probed, subnets })}</span>;
  return (
    <>
      <span className="muted">{t('dv.searchFound', { subnets })}</span>
      {found.printers.map((p) => (
        <Btn key={p.address} onClick={() => onPick(p.address)} data-testid="network-printer">
          {p.address}
        </Btn>
      ))}
    </>
  );
}

export function NetworkSearch({ onPick }: { onPick(address: string): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const search = async () => {
    setBusy(true);
    const r = await call('receipts.findNetworkPrinters', {});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setFound(r.value);
  };
  return (
    <div className="network-search" data-testid="network-search">
      <Btn disabled={busy} onClick={() => void search()} data-testid="network-search-start">
        {busy ? t('dv.searching') : t('dv.search')}
      </Btn>
      {found && !busy ? <Result found={found} onPick={onPick} /> : null}
      <ErrorLine error={error} />
    </div>
  );
}
