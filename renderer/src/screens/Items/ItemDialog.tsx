// Create or edit an item (商品): code, name, spec, unit, price, safety stock (the manager's to
// set), storage location (库位), category (商品类别, free text, the ones in use offered), and its barcodes — the unit barcode and case barcodes with their pack quantity.
// A scan while the dialog is open fills the barcode being edited or adds a barcode row.

import { useRef, useState } from 'react';
import type { Item } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, newRequestId, type DeskErr } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { refusalError, useI18n } from '../../i18n';
import { parseMoney, parseQty } from '../../numbers';
import { useScan } from '../../scan';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { useCategories } from './useCategories';

interface BarcodeRow {
  code: string;
  kind: 'unit' | 'case';
  packQty: string;
}

export function ItemDialog(p: { item: Item | null; initialBarcode?: string; onSaved(i: Item): void; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const it = p.item;
  const [code, setCode] = useState(it?.code ?? '');
  const [name, setName] = useState(it?.name ?? '');
  const [spec, setSpec] = useState(it?.spec ?? '');
  const [unit, setUnit] = useState(it?.unit ?? '');
  const [price, setPrice] = useState(it?.priceFen != null ? formatFen(it.priceFen, { grouping: false }) : '');
  const [safety, setSafety] = useState(String(it?.safetyStock ?? 0));
  const [location, setLocation] = useState(it?.location ?? '');
  const [category, setCategory] = useState(it?.category ?? '');
  const categories = useCategories();
  const [barcodes, setBarcodes] = useState<BarcodeRow[]>(() => {
    const rows: BarcodeRow[] = (it?.barcodes ?? []).map((b) => ({ code: b.code, kind: b.packQty > 1 ? 'case' : 'unit', packQty: String(b.packQty) }));
    if (p.initialBarcode && !rows.some((r) => r.code === p.initialBarcode)) rows.push({ code: p.initialBarcode, kind: 'unit', packQty: '1' });
    return rows.length ? rows : [{ code: '', kind: 'unit', packQty: '1' }];
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const rid = useRef(newRequestId());
  const isManager = session.has('manager');

  useScan(
    (e) => {
      beep('ok');
      const focused = document.activeElement as HTMLElement | null;
      const idx = focused?.dataset.barcodeIndex ? Number(focused.dataset.barcodeIndex) : -1;
      setBarcodes((rows) => {
        if (rows.some((r) => r.code === e.code)) return rows;
        if (idx >= 0) return rows.map((r, i) => (i === idx ? { ...r, code: e.code } : r));
        const empty = rows.findIndex((r) => !r.code);
        if (empty >= 0) return rows.map((r, i) => (i === empty ? { ...r, code: e.code } : r));
        return [...rows, { code: e.code, kind: 'unit', packQty: '1' }];
      });
    },
    true,
    'dialog',
  );

  const save = async () => {
    if (busy) return;
    const price_ = parseMoney(price.trim() === '' ? '0' : price, { field: 'price' });
    if (!price_.ok) return setError(refusalError(price_.refusal));
    const priceFen = price_.value;
    const safety_ = parseQty(safety.trim() === '' ? '0' : safety, { field: 'safetyStock', min: 0 });
    if (!safety_.ok) return setError(refusalError(safety_.refusal));
    const safetyStock = safety_.value;
    const links: { code: string; packQty: number }[] = [];
    for (const b of barcodes.filter((x) => x.code.trim())) {
      const pack = b.kind === 'unit' ? ({ ok: true, value: 1 } as const) : parseQty(b.packQty, { field: 'packQty', min: 2 });
      if (!pack.ok) return setError(refusalError(pack.refusal));
      links.push({ code: b.code.trim(), packQty: pack.value });
    }
    setBusy(true);
    setError(null);
    const r = it
      ? await call(
          'items.update',
          {
            itemId: it.id,
            name,
            spec,
            unit,
            priceFen,
            location: location.trim(),
            category: category.trim(),
            ...(safetyStock !== it.safetyStock ? { safetyStock } : {}),
            barcodes: links,
          },
          { requestId: rid.current },
        )
      : await call(
          'items.create',
          { code, name, spec, unit, priceFen, safetyStock, location: location.trim(), category: category.trim(), barcodes: links },
          { requestId: rid.current },
        );
    setBusy(false);
    if (r.ok) p.onSaved(r.value);
    else {
      setError(r.error);
      rid.current = newRequestId();
    }
  };

  const setRow = (i: number, patch: Partial<BarcodeRow>) => setBarcodes((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Dialog
      title={it ? t('item.editTitle', { code: it.code }) : t('item.newTitle')}
      onCancel={p.onCancel}
      onConfirm={save}
      width={640}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={save} disabled={busy} hotkey="Enter">
            {t('common.save')}
          </Btn>
        </>
      }
    >
      <div className="form-grid two">
        <Field label={t('item.code')}>
          <input className="input" value={code} disabled={!!it} autoFocus={!it} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <Field label={t('item.name')}>
          <input className="input" value={name} autoFocus={!!it} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('item.spec')}>
          <input className="input" value={spec} onChange={(e) => setSpec(e.target.value)} />
        </Field>
        <Field label={t('item.unit')} hint={t('item.unitHint')}>
          <input className="input" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </Field>
        <Field label={t('item.priceYuan')}>
          <input className="input num" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
        </Field>
        <Field label={t('item.safetyStock')} hint={isManager ? undefined : t('item.safetyManagerOnly')}>
          <input className="input num" inputMode="numeric" value={safety} disabled={!isManager} onChange={(e) => setSafety(e.target.value)} />
        </Field>
        <Field label={t('item.location')} hint={t('item.locationHint')}>
          <input className="input mono" maxLength={20} value={location} onChange={(e) => setLocation(e.target.value)} />
        </Field>
        <Field label={t('item.category')} hint={t('item.categoryHint')}>
          <input
            className="input"
            list="item-categories"
            maxLength={20}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="item-category"
          />
          <datalist id="item-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
      </div>
      <div className="subhead">
        {t('item.barcodes')} <span className="muted">{t('item.barcodesHint')}</span>
      </div>
      <table className="barcode-table">
        <thead>
          <tr>
            <th>{t('item.barcode')}</th>
            <th>{t('item.barcodeKind')}</th>
            <th>{t('item.packQty')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {barcodes.map((b, i) => {
            const isCase = b.kind === 'case';
            return (
              <tr key={i}>
                <td>
                  <input className="input mono" data-barcode-index={i} value={b.code} onChange={(e) => setRow(i, { code: e.target.value })} />
                </td>
                <td>
                  <select
                    className="input"
                    value={isCase ? 'case' : 'unit'}
                    onChange={(e) => setRow(i, e.target.value === 'case' ? { kind: 'case', packQty: '' } : { kind: 'unit', packQty: '1' })}
                  >
                    <option value="unit">{t('item.barcodeUnit', { unit: unit || t('item.unitDefault') })}</option>
                    <option value="case">{t('item.barcodeCase')}</option>
                  </select>
                </td>
                <td>
                  <input
                    className="input num narrow"
                    inputMode="numeric"
                    value={b.packQty}
                    disabled={!isCase}
                    onChange={(e) => setRow(i, { packQty: e.target.value })}
                  />
                </td>
                <td>
                  <button type="button" className="link-btn" onClick={() => setBarcodes((rows) => rows.filter((_, j) => j !== i))}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="link-btn" onClick={() => setBarcodes((rows) => [...rows, { code: '', kind: 'unit', packQty: '1' }])}>
        + {t('item.addBarcode')}
      </button>
      <ErrorLine error={error} />
    </Dialog>
  );
}
