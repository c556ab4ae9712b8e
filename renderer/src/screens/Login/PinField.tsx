// The PIN field of a log-in (the login screen, 切换用户, 请重新登录): hidden digits, focused on open.

import type { RefObject } from 'react';
import { useI18n } from '../../i18n';

export function PinField(p: { value: string; onChange(pin: string): void; inputRef?: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field-label">{t('login.pin')}</span>
      <input
        ref={p.inputRef}
        className="input pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </label>
  );
}
