// The signature that completes a slip's signatures is followed, in the same place, by its paper:
// 签字已齐, with 打印 right there (the manager signs, the paper goes to the keeper).

import type { Slip } from '../../../shared/contract';
import { Dialog } from '../components/Dialog';
import { Btn } from '../components/ui';
import { useI18n } from '../i18n';
import { PrintButtons } from '../printing/PrintButtons';

export function SignedDialog({ slip, onClose }: { slip: Slip; onClose(): void }) {
  const { t } = useI18n();
  const doc = slip.kind === 'return' ? 'return' : 'dispatch';
  return (
    <Dialog
      title={t('msg.signedTitle', { no: slip.no })}
      onCancel={onClose}
      width={620}
      footer={
        <Btn onClick={onClose} hotkey="Esc">
          {t('msg.close')}
        </Btn>
      }
    >
      <div data-testid="signed-dialog">
        <p className="dialog-text">{t('msg.signedText')}</p>
        <PrintButtons target={{ doc, slipId: slip.id }} />
      </div>
    </Dialog>
  );
}
