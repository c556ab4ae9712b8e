// The header of a return without a dispatch (无原单退货: goods sold before go-live): what it is,
// the customer (pinyin search; picking one moves on to the refund mode), the refund mode.

import type { RefObject } from 'react';
import { CustomerPicker } from '../../components/pickers';
import { Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { PaymentModeSelect } from '../../slip/parts';
import type { SlipDraft } from '../../slip/useSlipDraft';
import { customerOption } from '../Dispatch/DispatchFields';

interface Props {
  draft: SlipDraft;
  canEdit: boolean;
  customerRef: RefObject<HTMLInputElement | null>;
  payRef: RefObject<HTMLSelectElement | null>;
}

export function PreGoLiveFields({ draft, canEdit, customerRef, payRef }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('oldret.kind')}>
        <input className="input pregolive-mark" disabled value={t('oldret.mark')} title={t('oldret.startHint')} />
      </Field>
      <Field label={t('oldret.customer')} wide>
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
      <Field label={t('ret.refundMode')}>
        <PaymentModeSelect draft={draft} disabled={!canEdit} selectRef={payRef} />
      </Field>
    </>
  );
}
