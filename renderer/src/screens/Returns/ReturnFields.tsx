// The return header: the dispatch it comes back against (a link), the customer, the refund mode.

import type { Slip } from '../../../../shared/contract';
import { Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { PaymentModeSelect } from '../../slip/parts';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function ReturnFields({ draft, source, canEdit }: { draft: SlipDraft; source: Slip | null; canEdit: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('slip.sourceNo')}>
        <a className="input as-link mono" href={source ? `#/slips/${source.id}` : undefined}>
          {source?.no ?? '…'}
        </a>
      </Field>
      <Field label={t('dispatch.customer')} wide>
        <input className="input" disabled value={source?.customerName ?? draft.header.customerName ?? ''} />
      </Field>
      <Field label={t('ret.refundMode')}>
        <PaymentModeSelect draft={draft} disabled={!canEdit} />
      </Field>
    </>
  );
}
