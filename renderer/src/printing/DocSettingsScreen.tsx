// 单据打印设置 (manager / admin): the paper slips print on (A5 landscape or A4 portrait) and the
// copies (联) each kind of slip prints in; the office public key for HQ to check printed slips
// offline; and 核验单据 (paste a slip's QR payload). Others see the settings read-only. The paper and
// copies form (PaperCopiesForm) is also the setup flow's step 单据联数与纸张.

import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { call, downloadBlob, type DeskErr } from '../api';
import { Btn, ErrorLine, Toolbar } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { PaperCopiesForm } from './PaperCopiesForm';
import { PrintTabs } from './PrintTabs';
import { openVerifyDialog } from './QrDesk';
import './printing.css';

export function DocSettingsScreen() {
  const { t } = useI18n();
  const canEdit = useSession().can('documents.updateSettings');
  return (
    <div className="screen-col doc-settings-screen">
      <Toolbar title={t('docset.title')} sub={canEdit ? undefined : t('docset.readOnly')}>
        <PrintTabs on="docs" />
        <Btn onClick={openVerifyDialog}>{t('qr.pasteTitle')}</Btn>
      </Toolbar>
      <div className="doc-settings">
        <PaperCopiesForm />
        {canEdit ? <PublicKeyPanel /> : null}
      </div>
    </div>
  );
}

function PublicKeyPanel() {
  const { t } = useI18n();
  const [key, setKey] = useState<Output<'documents.publicKey'> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    void call('documents.publicKey', {}).then((r) => (r.ok ? setKey(r.value) : setError(r.error)));
  }, []);
  return (
    <div className="panel" data-testid="public-key">
      <div className="subhead">{t('docset.pubkey')}</div>
      <ErrorLine error={error} />
      {key ? (
        <>
          <div>
            {t('docset.fingerprint')} <span className="mono">{key.fingerprint}</span>
          </div>
          <div>
            <Btn onClick={() => downloadBlob(new Blob([key.publicKeyPem], { type: 'application/x-pem-file' }), 'office.pem')}>{t('docset.pubkeyDownload')}</Btn>
          </div>
          <div className="muted">{t('docset.pubkeyHow')}</div>
          <pre className="pem">npx tsx scripts/verify-slip.ts --pubkey office.pem &apos;BD1|…&apos;</pre>
        </>
      ) : null}
    </div>
  );
}
