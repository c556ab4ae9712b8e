// Dialogs used on several screens: confirm, reason (void / reverse). Signing is SignDialog.tsx.

import type { ReactNode } from 'react';
import { useState } from 'react';
import type { DeskErr } from '../api';
import { useWrite } from '../hooks/useWrite';
import { localError } from '../i18n';
import { Dialog } from './Dialog';
import { DialogButtons, FormDialog } from './FormDialog';
import { ErrorLine, Field } from './ui';

export function ConfirmDialog(p: {
  title: string;
  children: ReactNode;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  error?: DeskErr | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog
      title={p.title}
      onCancel={p.onCancel}
      onConfirm={() => !p.busy && p.onConfirm()}
      footer={
        <DialogButtons
          confirmText={p.confirmText}
          variant={p.danger ? 'danger' : 'primary'}
          disabled={p.busy}
          autoFocus
          onConfirm={p.onConfirm}
          onCancel={p.onCancel}
        />
      }
    >
      {p.children}
      <ErrorLine error={p.error} />
    </Dialog>
  );
}

/** Ask for a reason, then run the action (void a draft, reverse a posted slip). */
export function ReasonDialog(p: {
  title: string;
  label: string;
  confirmText: string;
  run(reason: string, requestId: string): Promise<DeskErr | null>;
  onDone(): void;
  onCancel(): void;
  children?: ReactNode;
}) {
  const [reason, setReason] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!reason.trim()) return w.setError(localError('reason.required'));
    await w.run(async (requestId) => {
      const error = await p.run(reason.trim(), requestId);
      return error ? { ok: false as const, error } : { ok: true as const, value: null };
    }, p.onDone);
  };
  return (
    <FormDialog title={p.title} confirmText={p.confirmText} variant="danger" busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      {p.children}
      <Field label={p.label} wide>
        <input className="input" autoFocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
