// 切换用户: on a shared PC the next person takes over in three keys: ↑/↓, PIN, Enter.

import { useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { UserPinForm } from './UserPinForm';

export function SwitchUserDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const submit = useRef<(() => void) | null>(null);
  return (
    <Dialog title={t('switch.title')} onCancel={onClose} onConfirm={() => submit.current?.()} width={560}>
      <UserPinForm
        bindRef={submit}
        excludeUserId={session.user?.id}
        submitLabel={t('switch.submit')}
        onSubmit={async (id, pin) => {
          const r = await session.login(id, pin);
          if (!r.ok) return r.error;
          onClose();
          return null;
        }}
      />
    </Dialog>
  );
}
