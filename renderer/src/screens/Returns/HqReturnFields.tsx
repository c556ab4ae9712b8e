// The return to HQ's header (退回总部): the supplier the goods go back to (default HQ, 总部), HQ's
// delivery note number (原送货单号) and the inbound slip they came on (原进仓单号, looked up by its
// number; naming it sets the supplier, as the core does).

import { useEffect, useState } from 'react';
import type { Supplier } from '../../../../shared/contract';
import { call } from '../../api';
import { Field } from '../../components/ui';
import { localError, useI18n } from '../../i18n';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function HqReturnFields({ draft, slipId, canEdit }: { draft: SlipDraft; slipId: number | null; canEdit: boolean }) {
  const { t } = useI18n();
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [sourceNo, setSourceNo] = useState('');
  const loadedNo = draft.slip?.sourceSlipNo ?? '';

  useEffect(() => setSourceNo(loadedNo), [loadedNo]);
  useEffect(() => {
    void call('suppliers.list', {}).then((r) => {
      if (!r.ok) return;
      setSuppliers(r.value);
      if (slipId === null && draft.header.supplierId === null && r.value.length) {
        const hq = r.value.find((s) => s.kind.includes('总部')) ?? r.value[0];
        draft.setHeader({ supplierId: hq.id }, { silent: true });
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The inbound slip by its number: its id and supplier into the header; unknown: the core says so on save. */
  const lookUp = async () => {
    const no = sourceNo.trim();
    if (no === loadedNo && draft.header.sourceSlipId !== null) return;
    if (!no) return draft.setHeader({ sourceSlipId: null });
    const r = await call('slips.get', { no });
    if (r.ok && r.value.kind === 'inbound') draft.setHeader({ sourceSlipId: r.value.id, supplierId: r.value.supplierId });
    else draft.setError(r.ok ? localError('adj.sourceNotInbound', { no }, 'hq_return_source') : r.error);
  };

  return (
    <>
      <Field label={t('adj.supplier')}>
        <select
          className="input"
          value={draft.header.supplierId ?? ''}
          disabled={!canEdit || draft.header.sourceSlipId !== null}
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
      <Field label={t('adj.deliveryNote')}>
        <input
          className="input mono"
          value={draft.header.deliveryNoteNo}
          disabled={!canEdit}
          maxLength={50}
          onChange={(e) => draft.setHeader({ deliveryNoteNo: e.target.value })}
        />
      </Field>
      <Field label={t('adj.sourceInbound')} hint={t('adj.sourceHint')}>
        <input
          className="input mono"
          value={sourceNo}
          disabled={!canEdit}
          maxLength={40}
          data-testid="hq-source-no"
          onChange={(e) => setSourceNo(e.target.value)}
          onBlur={() => void lookUp()}
        />
      </Field>
    </>
  );
}
