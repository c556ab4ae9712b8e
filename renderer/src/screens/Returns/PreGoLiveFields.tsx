// The header of a return without a dispatch (无原单退货: goods sold before go-live): what it is,
// the customer (pinyin search; picking one moves on to the refund mode), the refund mode.

import type { RefObject } from 'react';
import { Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { SlipDraft } from '../../slip/useSlipDraft';
import { DispatchFields } from '../Dispatch/DispatchFields';

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
      <DispatchFields
        draft={draft}
        canEdit={canEdit}
        customerRef={customerRef}
        payRef={payRef}
        labels={{ customer: 'oldret.customer', payment: 'ret.refundMode' }}
      />
    </>
  );
}
