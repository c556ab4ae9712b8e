// The facts of one slip above its lines: date, customer or supplier, delivery note, payment,
// source or reversed slip, reversal, reason, who made and posted it, when voided, memo, carrier.

import type { ReactNode } from 'react';
import type { Slip } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';
import { refundText } from '../Finance/RefundParts';
import { deliveryCashText } from '../Finance/DeliveryCashParts';
import { CarrierPicker, carriesGoods } from '../../slip/CarrierPicker';

function Fact({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

/** `onCarrier`: the slip's carrier was changed here (the picker shows for whoever may change it). */
export function SlipFacts({ slip: s, onCarrier }: { slip: Slip; onCarrier?(s: Slip, message: string): void }) {
  const { t, pay } = useI18n();
  const party = s.customerName ?? s.supplierName ?? '';
  return (
    <dl className="slip-facts">
      <Fact label={t('slip.date')}>{s.businessDate}</Fact>
      {party ? <Fact label={s.supplierName ? t('inbound.supplier') : t('dispatch.customer')}>{party}</Fact> : null}
      {s.deliveryNoteNo ? (
        <Fact label={t('inbound.deliveryNote')} mono>
          {s.deliveryNoteNo}
        </Fact>
      ) : null}
      {s.secondDeliveryReason ? <Fact label={t('inb.secondReason')}>{s.secondDeliveryReason}</Fact> : null}
      {s.paymentMode ? <Fact label={s.kind === 'return' ? t('ret.refundMode') : t('dispatch.payment')}>{pay(s.paymentMode)}</Fact> : null}
      {s.preGoLive ? <Fact label={t('oldret.kind')}>{t('oldret.title')}</Fact> : null}
      {s.sourceSlipId ? (
        <Fact label={s.kind === 'reversal' ? t('slip.reverses') : t('slip.sourceNo')}>
          <a className="mono" href={`#/slips/${s.sourceSlipId}`}>
            {s.sourceSlipNo}
          </a>
        </Fact>
      ) : null}
      {s.reversedBy ? (
        <Fact label={t('slip.reversedBy')}>
          <a className="mono neg-amount" href={`#/slips/${s.reversedBy.id}`}>
            {s.reversedBy.no}
          </a>
        </Fact>
      ) : null}
      {s.reason ? <Fact label={s.state === 'void' ? t('slip.voidReason') : t('slip.reason')}>{s.reason}</Fact> : null}
      <Fact label={t('slip.createdBy')}>
        {s.createdBy.name} · {formatDateTime(s.createdAt)}
      </Fact>
      {s.postedBy ? (
        <Fact label={t('slip.postedBy')}>
          {s.postedBy.name} · {formatDateTime(s.postedAt)}
        </Fact>
      ) : null}
      {s.voidedAt ? <Fact label={t('slip.voidedAt')}>{formatDateTime(s.voidedAt)}</Fact> : null}
      {s.memo ? <Fact label={t('slip.memo')}>{s.memo}</Fact> : null}
      {s.refund ? <Fact label={t('rf.refund')}>{refundText(t, s.refund)}</Fact> : null}
      {deliveryCashText(t, s) ? <Fact label={t('dc2.tab')}>{deliveryCashText(t, s)}</Fact> : null}
      {carriesGoods(s) ? (
        <Fact label={t('carrier.label')}>{onCarrier ? <CarrierPicker slip={s} onChanged={onCarrier} /> : (s.carrier?.name ?? '—')}</Fact>
      ) : null}
    </dl>
  );
}
