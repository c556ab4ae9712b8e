// Parts of the slip view: its toolbar (title, what may be done now, print) and its dialogs
// (sign, void, reverse 红字冲销).

import type { ReactNode } from 'react';
import type { Slip } from '../../../../shared/contract';
import { SignDialog } from '../../components/SignDialog';
import { Btn, StateTag, Toolbar } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { PrintButtons } from '../../printing/PrintButtons';
import { SignatureBadges } from '../../slip/parts';
import { VoidSlipDialog } from '../../slip/VoidSlipDialog';
import { ReverseDialog } from './ReverseDialog';
import type { SlipAbilities } from './slipViewRules';
import { ReceiptButton } from '../../printing/receipts/ReceiptButton';

export type SlipDialogName = 'sign' | 'void' | 'reverse';

interface ToolbarProps {
  slip: Slip;
  can: SlipAbilities;
  onEdit(): void;
  onPick(): void;
  open(d: SlipDialogName): void;
  onPrinted(): void;
}

export function SlipViewToolbar({ slip: s, can, onEdit, onPick, open, onPrinted }: ToolbarProps) {
  const { t, kind } = useI18n();
  const title = (
    <>
      {kind(s.kind)} <span className="slip-no">{s.no}</span> <StateTag state={s.state} />
      {s.reversedBy ? <span className="red-tag">{t('slip.reversedTag')}</span> : null}
      {s.state === 'draft' ? <SignatureBadges kind={s.kind} missing={s.missingSignatures} short /> : null}
    </>
  );
  const pickLabel = s.kind === 'inbound' ? t('inbound.post') : s.kind === 'return' ? t('pick.goReturn') : t('pick.go');
  const btn = (yes: boolean, el: ReactNode) => (yes ? el : null);
  return (
    <Toolbar title={title}>
      {btn(
        can.canEdit,
        <Btn hotkey="F4" onClick={onEdit}>
          {t('slip.editDraft')}
        </Btn>,
      )}
      {btn(
        can.canSign,
        <Btn variant="primary" hotkey="F6" onClick={() => open('sign')}>
          {t('sign.button')}
        </Btn>,
      )}
      {btn(
        can.canPick,
        <Btn variant="primary" hotkey="F9" onClick={onPick}>
          {pickLabel}
        </Btn>,
      )}
      {btn(
        can.canReturn,
        <Btn hotkey="F7" onClick={() => navigate(`/returns/from/${s.id}`)}>
          {t('ret.fromThis')}
        </Btn>,
      )}
      {btn(
        can.canVoid,
        <Btn variant="danger" onClick={() => open('void')}>
          {t('slip.void')}
        </Btn>,
      )}
      {btn(
        can.canReverse,
        <Btn variant="danger" hotkey="Ctrl+Delete" onClick={() => open('reverse')}>
          {t('slip.reverse')}
        </Btn>,
      )}
      {s.kind === 'dispatch' && s.state !== 'void' ? <ReceiptButton kind="dispatchTicket" id={s.id} /> : null}
      {s.state !== 'void' && s.kind !== 'count' && s.kind !== 'repair' ? <PrintButtons target={{ doc: s.kind, slipId: s.id }} onPrinted={onPrinted} /> : null}
    </Toolbar>
  );
}

interface DialogsProps {
  slip: Slip;
  dialog: SlipDialogName | null;
  onClose(): void;
  onSigned(s: Slip): void;
  onVoided(): void;
}

export function SlipViewDialogs({ slip, dialog, onClose, onSigned, onVoided }: DialogsProps) {
  if (dialog === 'sign') return <SignDialog slip={slip} onCancel={onClose} onSigned={onSigned} />;
  if (dialog === 'void') return <VoidSlipDialog slip={slip} onCancel={onClose} onDone={onVoided} />;
  if (dialog === 'reverse') return <ReverseDialog slip={slip} onClose={onClose} />;
  return null;
}
