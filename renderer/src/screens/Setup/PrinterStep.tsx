// Step 默认打印机: the system's printers (the Electron shell's listPrinters) and the office's default
// (office.update defaultPrinter). In a browser there is no printer list: the step says so.

import { useEffect, useState } from 'react';
import type { SystemPrinter } from '../../../../shared/bridge';
import type { Office } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function PrinterStep({ office, onSaved }: { office: Office; onSaved(o: Office): void }) {
  const { t } = useI18n();
  const canEdit = useSession().can('office.update');
  const listPrinters = window.desk?.listPrinters;
  const [printers, setPrinters] = useState<SystemPrinter[] | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    if (listPrinters) void listPrinters().then((r) => (r.ok ? setPrinters(r.value.printers) : setError(r.error)));
  }, [listPrinters]);

  const choose = async (name: string | null) => {
    const r = await call('office.update', { defaultPrinter: name }, { requestId: newRequestId() });
    if (r.ok) onSaved(r.value);
    setError(r.ok ? null : r.error);
  };

  return (
    <div className="panel" data-testid="setup-printer">
      <div className="muted">{t('setup.printer.explain')}</div>
      <div>{office.defaultPrinter ? t('setup.printer.current', { name: office.defaultPrinter }) : t('setup.printer.unset')}</div>
      {!listPrinters ? <Notice kind="info">{t('setup.printer.noList')}</Notice> : null}
      {printers && !printers.length ? <div>{t('setup.printer.empty')}</div> : null}
      {printers?.length ? (
        <ul className="setup-list">
          {printers.map((p) => (
            <li key={p.name}>
              {p.displayName} {canEdit && p.name !== office.defaultPrinter ? <Btn onClick={() => void choose(p.name)}>{t('setup.printer.choose')}</Btn> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && office.defaultPrinter ? (
        <div>
          <Btn onClick={() => void choose(null)}>{t('setup.printer.clear')}</Btn>
        </div>
      ) : null}
      <ErrorLine error={error} />
    </div>
  );
}
