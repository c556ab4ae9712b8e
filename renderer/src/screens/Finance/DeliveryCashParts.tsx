// 送货收款 shown elsewhere and its parts: the columns, the hand-over dialog (the carrier's PIN), the
// slip's line and the close of day's warning of money still with the carriers.

import { useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { DayClosePreview, InTransit, Output, Slip } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { moneyCol } from '../../components/grid';
import { PinInput } from '../../components/people';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useWrite } from '../../hooks/useWrite';
import { formatDateTime } from '../../i18n/clock';
import { localError, useI18n, type I18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { fen } from './common';

export type DeliveryCashRow = Output<'deliveryCash.list'>['rows'][number];

const stateName = (t: I18n['t'], s: DeliveryCashRow['state']) => t(`dc2.st.${s}` as MsgKey);

export function deliveryCashColumns(t: I18n['t']): ColDef<DeliveryCashRow>[] {
  return [
    { field: 'date', headerName: t('dc2.date'), width: 105 },
    { field: 'slipNo', headerName: t('dc2.slip'), width: 150, cellClass: 'mono' },
    { field: 'customerName', headerName: t('dc2.customer'), flex: 1, minWidth: 160, tooltipField: 'customerName' },
    { colId: 'carrier', headerName: t('dc2.carrier'), width: 100, valueGetter: (x) => x.data?.carrier?.name ?? t('dc2.nobody') },
    moneyCol<DeliveryCashRow>({ field: 'amountFen', headerName: t('dc2.amount'), width: 110 }),
    {
      field: 'state',
      headerName: t('dc2.state'),
      width: 90,
      valueFormatter: (x) => (x.value ? stateName(t, x.value as DeliveryCashRow['state']) : ''),
      cellClassRules: { 'bad-text': (x) => x.value === 'pending', 'ok-text': (x) => x.value === 'handed', muted: (x) => x.value === 'cancelled' },
    },
    {
      colId: 'handed',
      headerName: t('dc2.handed'),
      width: 250,
      valueGetter: (x) => (x.data?.handedBy ? `${x.data.handedBy.name} → ${x.data.confirmedBy?.name ?? ''} ${formatDateTime(x.data.handedAt)}` : ''),
    },
    { field: 'voucherNo', headerName: t('dc2.voucher'), width: 140, cellClass: 'mono' },
  ];
}

/** 收回货款: the carrier picks their name and enters the PIN at finance's desk. */
export function TakeDeliveryCashDialog(p: { row: DeliveryCashRow; onCancel(): void; onDone(v: Output<'deliveryCash.confirm'>): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const w = useWrite();
  const r = p.row;
  const submit = async () => {
    if (w.busy) return;
    if (!r.carrier) return w.setError(localError('dc2.nobody'));
    if (pin.length < 4) return w.setError(localError('fin.needPin'));
    await w.run(
      (requestId) => call('deliveryCash.confirm', { deliveryCashId: r.id, carrier: { user: r.carrier!.id, pin } }, { requestId }),
      p.onDone,
      () => setPin(''),
    );
  };
  return (
    <FormDialog
      title={t('dc2.takeTitle', { no: r.slipNo, fen: fen(r.amountFen) })}
      confirmText={t('dc2.take')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{t('dc2.takeText', { customer: r.customerName })}</p>
      <Field label={`${t('dc2.carrierPin')}: ${r.carrier?.name ?? t('dc2.nobody')}`}>
        <PinInput id="delivery-pin" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function inTransitText(t: I18n['t'], rows: readonly InTransit[]): string {
  return rows.map((x) => t('dc2.byCarrier', { name: x.carrier?.name ?? t('dc2.nobody'), n: x.count, fen: fen(x.amountFen) })).join('; ');
}

/** The close of day: money the carriers have not handed over — a warning, with the way to take it for finance. */
export function InTransitNotice({ pv }: { pv: DayClosePreview }) {
  const { t } = useI18n();
  const session = useSession();
  if (pv.inTransit.length === 0) return null;
  const n = pv.inTransit.reduce((s, x) => s + x.count, 0);
  const total = pv.inTransit.reduce((s, x) => s + x.amountFen, 0);
  return (
    <Notice kind="warn">
      {t('dc2.dayWarn', { n, fen: fen(total), who: inTransitText(t, pv.inTransit) })}{' '}
      {session.can('deliveryCash.confirm') ? <Btn onClick={() => navigate('/journal/delivery')}>{t('dc2.goTake')}</Btn> : null}
    </Notice>
  );
}

/** The slip's 送货收款 line: marked, in transit, handed over or cancelled. */
export function deliveryCashText(t: I18n['t'], s: Slip): string | null {
  const d = s.deliveryCash;
  if (!d) return s.collectByCarrier ? t('dc2.slipMarked') : null;
  if (d.state === 'pending') return t('dc2.slipPending', { fen: fen(d.amountFen) });
  if (d.state === 'handed') return t('dc2.slipHanded', { fen: fen(d.amountFen), name: d.handedBy?.name ?? '', voucher: d.voucherNo ?? '' });
  return t('dc2.slipCancelled');
}
