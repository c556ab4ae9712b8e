// A user's signature image (printed on the slips they sign): the preview, a PNG upload, clear.

import { useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Btn, Notice } from '../../components/ui';
import { localError, useI18n } from '../../i18n';

function fileToBase64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });
}

interface Props {
  user: User;
  onSaved(u: User): void;
  /** the dialog's one error line: an error of the signature, or null to clear it */
  onError(e: DeskErr | null): void;
  /** where the signature's error shows */
  errorLine: ReactNode;
}

export function UserSignature({ user, onSaved, onError, errorLine }: Props) {
  const { t } = useI18n();
  const [sig, setSig] = useState<string | null>(null);
  const [sigNote, setSigNote] = useState<string | null>(null);

  useEffect(() => {
    void call('users.signature', { userId: user.id }).then((r) => r.ok && setSig(r.value.pngBase64));
  }, [user]);

  const store = async (pngBase64: string | null, note: string) => {
    const r = await call('users.setSignature', { userId: user.id, pngBase64 }, { requestId: newRequestId() });
    if (!r.ok) return onError(r.error);
    onError(null);
    setSig(pngBase64);
    setSigNote(note);
    onSaved(r.value);
  };
  const upload = async (f: File | undefined) => {
    if (!f) return;
    setSigNote(null);
    if (f.type && f.type !== 'image/png') return onError(localError('usr.sigNotPng'));
    await store(await fileToBase64(f), t('usr.sigSaved'));
  };

  return (
    <>
      <div className="subhead">{t('usr.sig')}</div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
        <div style={{ border: '1px solid #ccc', width: 240, height: 80, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fff' }}>
          {sig ? (
            <img src={`data:image/png;base64,${sig}`} alt={t('usr.hasSig')} style={{ maxWidth: 236, maxHeight: 76 }} data-testid="user-sig-preview" />
          ) : (
            <span className="muted">{t('usr.sigNone')}</span>
          )}
        </div>
        <label className="btn">
          {t('usr.sigUpload')}
          <input
            type="file"
            accept="image/png"
            style={{ display: 'none' }}
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="user-sig-file"
          />
        </label>
        {sig ? <Btn onClick={() => void store(null, t('usr.sigCleared'))}>{t('usr.sigClear')}</Btn> : null}
      </div>
      {sigNote ? <Notice kind="ok">{sigNote}</Notice> : null}
      {errorLine}
    </>
  );
}
