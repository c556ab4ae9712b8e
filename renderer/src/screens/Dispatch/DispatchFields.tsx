// The dispatch header: the customer (pinyin search; picking one moves on to the payment mode) and
// the payment mode.

import type { RefObject } from 'react';
import type { Customer } from '../../../../shared/contract';
import { CustomerPicker } from '../../components/pickers';
import { Field } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { PaymentModeSelect } from '../../slip/parts';
import type { SlipDraft } from '../../slip/useSlipDraft';

/** A customer as far as a slip knows it (id and name), for the picker's display. */
export function customerOption(id: number | null, name: string | null): Customer | null {
  if (id === null) return null;
  return {
    id,
    code: '',
    name: name ?? '',
    kind: '',
    contact: '',
    phone: '',
    address: '',
    creditLimitFen: 0,
    paymentTermsDays: 0,
    salesperson: null,
    notes: '',
    pinyin: '',
    active: true,
  };
}

interface Props {
  draft: SlipDraft;
  canEdit: boolean;
  customerRef: RefObject<HTMLInputElement | null>;
  payRef: RefObject<HTMLSelectElement | null>;
  /** the two fields' words (a return without a dispatch says 退货客户 and 退款方式) */
  labels?: { customer: MsgKey; payment: MsgKey };
}

export function DispatchFields({ draft, canEdit, customerRef, payRef, labels = { customer: 'dispatch.customer', payment: 'dispatch.payment' } }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t(labels.customer)} wide>
        {canEdit ? (
          <CustomerPicker
            inputRef={customerRef}
            value={customerOption(draft.header.customerId, draft.header.customerName)}
            onPick={(c) => {
              draft.setHeader({ customerId: c.id, customerName: c.name });
              setTimeout(() => payRef.current?.focus(), 0);
            }}
          />
        ) : (
          <input className="input" disabled value={draft.header.customerName ?? ''} />
        )}
      </Field>
      <Field label={t(labels.payment)}>
        <PaymentModeSelect draft={draft} disabled={!canEdit} selectRef={payRef} />
      </Field>
    </>
  );
}
