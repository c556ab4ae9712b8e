// Leaving a slip with input not yet on the desk (the menu, Esc, F2, the browser's Back): 保存并离开
// saves first and goes once it is on the desk; if the save fails the user stays, sees why, and may
// still leave without saving. Esc / 取消 stays on the slip.

import { useState } from 'react';
import type { DeskErr } from '../api';
import type { LeaveGuard } from '../hooks/router';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';
import { Btn } from './ui';

export function LeaveDialog({ guard, go, onClose }: { guard: LeaveGuard; go(): void; onClose(): void }) {
  const { t, err } = useI18n();
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<DeskErr | null>(null);
  const leave = () => {
    onClose();
    go();
  };
  const saveAndLeave = async () => {
    if (saving) return;
    setSaving(true);
    const error = await guard.save();
    setSaving(false);
    if (error) setFailed(error);
    else leave();
  };
  return (
    <Dialog
      title={t('leave.title')}
      onCancel={onClose}
      onConfirm={() => void saveAndLeave()}
      footer={
        <>
          <Btn onClick={onClose} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          {failed ? (
            <Btn variant="danger" onClick={leave}>
              {t('leave.anyway')}
            </Btn>
          ) : null}
          <Btn variant="primary" onClick={() => void saveAndLeave()} disabled={saving} hotkey="Enter" data-autofocus>
            {t('leave.confirm')}
          </Btn>
        </>
      }
    >
      <p className="dialog-text">{t('leave.text')}</p>
      {failed ? (
        <div className="error-line" role="alert">
          {t('leave.failed', { msg: err(failed) })}
        </div>
      ) : null}
    </Dialog>
  );
}
