// Browser mode after 打印: the PDF is open in its tab and logged as a preview; 已打印 logs the print
// once the user has printed it there.

import { useState } from 'react';
import type { DeskErr } from '../api';
import { Btn, ErrorLine, Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { confirmPrinted, printedText } from './printFlow';
import '../slip/messages.css';

export function ConfirmPrinted({ printId, onPrinted }: { printId: number; onPrinted(message: string): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      onPrinted(printedText(t, await confirmPrinted(printId)));
    } catch (e) {
      setError(e as DeskErr);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="print-status confirm-printed" data-testid="print-awaiting">
      <Notice kind="info">{t('msg.previewLogged')}</Notice>
      <Btn variant="primary" onClick={() => void confirm()} disabled={busy} data-testid="doc-printed">
        {t('msg.printedBtn')}
      </Btn>
      <ErrorLine error={error} />
    </span>
  );
}
