// 送货收款: money the carriers collected on delivery, in transit first (oldest first), with the
// total each carrier holds; finance takes the selected one when its carrier hands it over (F9, the
// carrier's PIN). The cash journal's third tab. Keys: F9 收回货款 · F5 refresh.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fen, financeChanged } from './common';
import { deliveryCashColumns, inTransitText, TakeDeliveryCashDialog, type DeliveryCashRow } from './DeliveryCashParts';
import { JournalTabs } from './RefundParts';

export function DeliveryCashScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [data, setData] = useState<Output<'deliveryCash.list'> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<DeliveryCashRow | null>(null);
  const [taking, setTaking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canTake = session.can('deliveryCash.confirm') && sel?.state === 'pending';

  const load = useCallback(async () => {
    const r = await call('deliveryCash.list', { limit: 1000, offset: 0 });
    if (!r.ok) return setError(r.error);
    setData(r.value);
    setError(null);
    setSel((s) => (s ? (r.value.rows.find((x) => x.id === s.id) ?? null) : null));
  }, []);
  useEffect(() => void load(), [load]);
  useHotkeys({ F5: () => void load(), ...(canTake ? { F9: () => setTaking(true) } : {}) });
  const cols = useMemo(() => deliveryCashColumns(t), [t]);
  const n = data?.inTransit.reduce((s, x) => s + x.count, 0) ?? 0;
  const total = data?.inTransit.reduce((s, x) => s + x.amountFen, 0) ?? 0;

  return (
    <div className="screen-col" data-testid="delivery-cash-screen">
      <Toolbar title={t('dc2.title')} sub={data ? t('dc2.sub', { n, fen: fen(total) }) : undefined}>
        <JournalTabs on="delivery" />
        {session.can('deliveryCash.confirm') ? (
          <Btn variant="primary" hotkey="F9" disabled={!canTake} onClick={() => setTaking(true)}>
            {t('dc2.take')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {data ? <Notice kind={n ? 'warn' : 'info'}>{n ? inTransitText(t, data.inTransit) : t('dc2.none')}</Notice> : null}
      <div className="grid-fill">
        <Grid<DeliveryCashRow>
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<DeliveryCashRow>(setSel)}
          onRowDoubleClicked={(e) => e.data?.state === 'pending' && session.can('deliveryCash.confirm') && setTaking(true)}
        />
      </div>
      <KeyHints items={[...(session.can('deliveryCash.confirm') ? ([['F9', t('dc2.take')]] as [string, string][]) : []), ['F5', t('keys.refresh')]]} />
      {taking && sel ? (
        <TakeDeliveryCashDialog
          row={sel}
          onCancel={() => setTaking(false)}
          onDone={(v) => {
            setTaking(false);
            setDone(t('dc2.taken', { no: v.deliveryCash.slipNo, fen: fen(v.deliveryCash.amountFen), voucher: v.voucher.voucherNo }));
            financeChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
