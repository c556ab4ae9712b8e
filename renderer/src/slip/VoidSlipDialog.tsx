// 作废: a draft is voided with a reason and keeps its number.

import type { Slip } from '../../../shared/contract';
import { call } from '../api';
import { ReasonDialog } from '../components/dialogs';
import { useI18n } from '../i18n';

export function VoidSlipDialog({ slip, onCancel, onDone }: { slip: Pick<Slip, 'id' | 'no'>; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  return (
    <ReasonDialog
      title={t('slip.voidTitle', { no: slip.no })}
      label={t('slip.voidReason')}
      confirmText={t('slip.void')}
      onCancel={onCancel}
      onDone={onDone}
      run={async (reason, requestId) => {
        const r = await call('slips.void', { slipId: slip.id, reason }, { requestId });
        return r.ok ? null : r.error;
      }}
    />
  );
}
