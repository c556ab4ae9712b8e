// The inbound header: supplier (default HQ, 总部) and HQ's delivery note number (随货同行联号);
// Enter in the note goes on to the item search; the requisition to HQ (要货单) the goods come against.

import { useEffect, useState, type RefObject } from 'react';
import type { Supplier } from '../../../../shared/contract';
import { call } from '../../api';
import { Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { SlipDraft } from '../../slip/useSlipDraft';
import { RequisitionPicker } from '../Orders/RequisitionPicker';

interface Props {
  draft: SlipDraft;
  slipId: number | null;
  canEdit: boolean;
  noteRef: RefObject<HTMLInputElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function InboundFields({ draft, slipId, canEdit, noteRef, searchRef }: Props) {
  const { t } = useI18n();
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);

  useEffect(() => {
    void call('suppliers.list', {}).then((r) => {
      if (!r.ok) return;
      setSuppliers(r.value);
      // default: HQ (总部) — the first supplier of that kind, else the first
      if (slipId === null && draft.header.supplierId === null && r.value.length) {
        const hq = r.value.find((s) => s.kind.includes('总部')) ?? r.value[0];
        draft.setHeader({ supplierId: hq.id }, { silent: true });
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      <Field label={t('inbound.supplier')}>
        <select
          className="input"
          value={draft.header.supplierId ?? ''}
          disabled={!canEdit}
          onChange={(e) => draft.setHeader({ supplierId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">—</option>
          {suppliers.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('inbound.deliveryNote')} hint={t('inbound.deliveryNoteHint')}>
        <input
          ref={noteRef}
          className="input mono"
          value={draft.header.deliveryNoteNo}
          disabled={!canEdit}
          maxLength={50}
          onChange={(e) => draft.setHeader({ deliveryNoteNo: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              searchRef.current?.focus();
            }
          }}
        />
      </Field>
      <RequisitionPicker value={draft.header.requisitionId} disabled={!canEdit} onChange={(requisitionId) => draft.setHeader({ requisitionId })} />
    </>
  );
}
