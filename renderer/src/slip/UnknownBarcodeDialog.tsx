// A code nobody knows: link it to an existing item (items.linkBarcode) or create a new item with
// it. The slip underneath stays as it is; the scan is counted once the code is known.

import { useRef, useState } from 'react';
import type { Item } from '../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../api';
import { Dialog } from '../components/Dialog';
import { ItemPicker } from '../components/pickers';
import { Btn, ErrorLine, Field } from '../components/ui';
import { localError, refusalError, useI18n } from '../i18n';
import { parseQty } from '../numbers';
import { useSession } from '../session';
import { ItemDialog } from '../screens/Items/ItemDialog';

export function UnknownBarcodeDialog(p: { code: string; onResolved(item: Item, packQty: number): void; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [item, setItem] = useState<Item | null>(null);
  const [isCase, setIsCase] = useState(false);
  const [pack, setPack] = useState('');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const rid = useRef(newRequestId());
  const canCreate = session.can('items.create');

  const link = async () => {
    if (busy) return;
    if (!item) {
      setError(localError('unknown.pickItem'));
      return;
    }
    const typed = isCase ? parseQty(pack, { field: 'packQty', min: 2 }) : ({ ok: true, value: 1 } as const);
    if (!typed.ok) {
      setError(refusalError(typed.refusal));
      return;
    }
    const packQty = typed.value;
    setBusy(true);
    const r = await call('items.linkBarcode', { itemId: item.id, code: p.code, packQty }, { requestId: rid.current });
    setBusy(false);
    if (r.ok) p.onResolved(r.value, packQty);
    else {
      setError(r.error);
      rid.current = newRequestId();
    }
  };

  if (creating)
    return (
      <ItemDialog
        item={null}
        initialBarcode={p.code}
        onCancel={() => setCreating(false)}
        onSaved={(i) => p.onResolved(i, i.barcodes.find((b) => b.code === p.code)?.packQty ?? 1)}
      />
    );

  return (
    <Dialog
      title={t('unknown.title')}
      onCancel={p.onCancel}
      onConfirm={link}
      width={600}
      scans="pass"
      keys={canCreate ? { 'Alt+N': () => setCreating(true), F2: () => setCreating(true) } : {}}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('unknown.skip')}
          </Btn>
          {canCreate ? (
            <Btn onClick={() => setCreating(true)} hotkey="F2">
              {t('unknown.create')}
            </Btn>
          ) : null}
          <Btn variant="primary" onClick={link} disabled={busy} hotkey="Enter">
            {t('unknown.link')}
          </Btn>
        </>
      }
    >
      <p className="dialog-text">
        {t('unknown.text')} <code className="code-big">{p.code}</code>
      </p>
      <p className="muted">{t('unknown.keepSlip')}</p>
      <Field label={t('unknown.linkTo')} wide>
        <ItemPicker value={item} onPick={setItem} autoFocus />
      </Field>
      <div className="form-grid two">
        <Field label={t('item.barcodeKind')}>
          <select className="input" value={isCase ? 'case' : 'unit'} onChange={(e) => setIsCase(e.target.value === 'case')}>
            <option value="unit">{t('item.barcodeUnit', { unit: item?.unit ?? t('item.unitDefault') })}</option>
            <option value="case">{t('item.barcodeCase')}</option>
          </select>
        </Field>
        <Field label={t('item.packQty')}>
          <input className="input num" inputMode="numeric" disabled={!isCase} value={isCase ? pack : '1'} onChange={(e) => setPack(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={error} />
    </Dialog>
  );
}
