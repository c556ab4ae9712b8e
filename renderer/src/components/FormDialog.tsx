// A dialog whose footer is 取消 (Esc) and one button that confirms (Enter): the forms of the
// finance screens, the reason and confirm dialogs.

import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';
import { Btn } from './ui';

interface ButtonsProps {
  confirmText: ReactNode;
  variant?: 'primary' | 'danger';
  disabled?: boolean;
  /** the confirming button takes the focus when the dialog opens */
  autoFocus?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** [取消 Esc] [confirm Enter] */
export function DialogButtons(p: ButtonsProps) {
  const { t } = useI18n();
  return (
    <>
      <Btn onClick={p.onCancel} hotkey="Esc">
        {t('common.cancel')}
      </Btn>
      <Btn variant={p.variant ?? 'primary'} onClick={p.onConfirm} disabled={p.disabled} hotkey="Enter" data-autofocus={p.autoFocus || undefined}>
        {p.confirmText}
      </Btn>
    </>
  );
}

interface FormDialogProps {
  title: ReactNode;
  width?: number;
  confirmText: ReactNode;
  variant?: 'primary' | 'danger';
  /** a write is running: the button is disabled */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

/** Enter or the button confirms, Esc or 取消 cancels. */
export function FormDialog(p: FormDialogProps) {
  return (
    <Dialog
      title={p.title}
      width={p.width}
      onCancel={p.onCancel}
      onConfirm={p.onConfirm}
      footer={<DialogButtons confirmText={p.confirmText} variant={p.variant} disabled={p.busy} onConfirm={p.onConfirm} onCancel={p.onCancel} />}
    >
      {p.children}
    </Dialog>
  );
}
