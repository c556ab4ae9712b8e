// 新增 / 修改小票打印机: name, connection (each said as the device class it is: USB printer class,
// HID, network, OS queue), address (its example per connection), paper width, in use. The core checks
// the address against the connection (printer_address_invalid).

import { useEffect, useState } from 'react';
import { RECEIPT_TRANSPORTS, type ReceiptPrinter, type ReceiptTransport } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { NetworkSearch } from './NetworkSearch';

interface Props {
  printer: ReceiptPrinter | null;
  onSaved(p: ReceiptPrinter): void;
  onCancel(): void;
}

export function PrinterDialog({ printer, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(printer?.name ?? '');
  const [transport, setTransport] = useState<ReceiptTransport>(printer?.transport ?? 'tcp');
  const [address, setAddress] = useState(printer?.address ?? '');
  const [width, setWidth] = useState<32 | 48>(printer?.width ?? 48);
  const [active, setActive] = useState(printer?.active ?? true);
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ transport: ReceiptTransport; address: string }[]>([]);
  useEffect(() => {
    void call('receipts.findPrinters', {}).then((r) => r.ok && setFound(r.value));
  }, []);
  const foundHere = found.filter((f) => f.transport === transport);

  const save = async () => {
    setBusy(true);
    const r = await call('receipts.savePrinter', { ...(printer ? { id: printer.id } : {}), name, transport, address, width, active });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.value);
  };

  return (
    <FormDialog
      title={t(printer ? 'rp.dialog.edit' : 'rp.dialog.add')}
      width={560}
      confirmText={t('rp.save')}
      busy={busy}
      onConfirm={() => void save()}
      onCancel={onCancel}
    >
      <div className="form-grid" data-testid="printer-dialog">
        <Field label={t('rp.col.name')}>
          <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="printer-name" data-autofocus />
        </Field>
        <Field label={t('rp.col.transport')} hint={t(`rp.kind.${transport}` as MsgKey)}>
          <select value={transport} onChange={(e) => setTransport(e.target.value as ReceiptTransport)} data-testid="printer-transport">
            {RECEIPT_TRANSPORTS.map((x) => (
              <option key={x} value={x}>
                {t(`rp.transport.${x}` as MsgKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('rp.col.address')}>
          <input
            value={address}
            maxLength={200}
            placeholder={t(`rp.addr.${transport}` as MsgKey)}
            onChange={(e) => setAddress(e.target.value)}
            list="found-printers"
            data-testid="printer-address"
          />
          <datalist id="found-printers">
            {foundHere.map((f) => (
              <option key={f.address} value={f.address} />
            ))}
          </datalist>
        </Field>
        {foundHere.length ? <div className="muted">{t('rp.found', { list: foundHere.map((f) => f.address).join('、') })}</div> : null}
        {transport === 'tcp' ? <NetworkSearch onPick={setAddress} /> : null}
        <Field label={t('rp.col.width')}>
          <select value={width} onChange={(e) => setWidth(Number(e.target.value) as 32 | 48)} data-testid="printer-width">
            <option value={48}>{t('rp.width.48')}</option>
            <option value={32}>{t('rp.width.32')}</option>
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('rp.active')}
        </label>
        <ErrorLine error={error} />
      </div>
    </FormDialog>
  );
}
