// The dispatch header: the customer (pinyin search; picking one moves on to the payment mode) and
// the payment mode; a cash dispatch may be collected on delivery by its carrier (送货收款).

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
  /** a dispatch: paid in cash, the carrier may collect it on delivery (送货收款) */
  collectable?: boolean;
}

export function DispatchFields({
  draft,
  canEdit,
  customerRef,
  payRef,
  labels = { customer: 'dispatch.customer', payment: 'dispatch.payment' },
  collectable,
}: Props) {
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
      {collectable && draft.header.paymentMode === 'cash' ? (
        <label className="inline-label cod-mark" title={t('dc2.codHint')}>
          <input
            type="checkbox"
            disabled={!canEdit}
            checked={draft.header.collectByCarrier}
            onChange={(e) => draft.setHeader({ collectByCarrier: e.target.checked })}
            data-testid="collect-by-carrier"
          />{' '}
          {t('dc2.cod')}
        </label>
      ) : null}
    </>
  );
}
