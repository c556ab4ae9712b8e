// 本台: this PC's desk name (kept on this PC, desk.ts) and the receipt printer it prints on (saved
// in the office file per desk: receipts.setDeskPrinter).

import { useEffect, useState } from 'react';
import type { ReceiptPrinter } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { deskName, setDeskName } from './desk';

export function DeskPrinterPanel({ printers }: { printers: ReceiptPrinter[] }) {
  const { t } = useI18n();
  const [desk, setDesk] = useState(deskName);
  const [printerId, setPrinterId] = useState<number | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const name = desk.trim();
    if (!name) return;
    void call('receipts.deskPrinter', { desk: name }).then((r) => (r.ok ? setPrinterId(r.value.printer?.id ?? null) : setError(r.error)));
  }, [desk]);

  const save = async () => {
    setSaved(null);
    const r = await call('receipts.setDeskPrinter', { desk, printerId });
    if (!r.ok) return setError(r.error);
    setDeskName(r.value.desk);
    setError(null);
    setSaved(t('rp.deskSaved', { desk: r.value.desk, name: r.value.printer?.name ?? t('rp.deskNone') }));
  };

  return (
    <div className="panel desk-printer" data-testid="desk-printer">
      <div className="subhead">{t('rp.desk')}</div>
      <div className="desk-printer-row">
        <Field label={t('rp.deskName')}>
          <input value={desk} maxLength={40} onChange={(e) => setDesk(e.target.value)} data-testid="desk-name" />
        </Field>
        <Field label={t('rp.deskPrinter')}>
          <select value={printerId ?? ''} onChange={(e) => setPrinterId(e.target.value ? Number(e.target.value) : null)} data-testid="desk-printer-select">
            <option value="">{t('rp.deskNone')}</option>
            {printers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Btn variant="primary" onClick={() => void save()} data-testid="desk-printer-save">
          {t('rp.deskSave')}
        </Btn>
      </div>
      <div className="muted">{t('rp.deskHint')}</div>
      <ErrorLine error={error} />
      {saved ? <Notice kind="ok">{saved}</Notice> : null}
    </div>
  );
}
