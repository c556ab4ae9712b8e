// 承运人 on a slip: who carries its goods. The keeper or the manager chooses a driver or shipper
// (slips.setCarrier, saved at once); everyone else reads the name. Shown for inbound, dispatch and
// return slips that are not void.

import { useEffect, useState } from 'react';
import type { Output, Slip } from '../../../shared/contract';
import { call, type DeskErr } from '../api';
import { ErrorLine } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';

type Carriers = Output<'slips.carriers'>;
const CARRIED = new Set(['inbound', 'dispatch', 'return']);

export function carriesGoods(slip: Pick<Slip, 'kind' | 'state'>): boolean {
  return CARRIED.has(slip.kind) && slip.state !== 'void';
}

export function CarrierPicker({ slip, onChanged }: { slip: Slip; onChanged(s: Slip, message: string): void }) {
  const { t } = useI18n();
  const may = useSession().can('slips.setCarrier') && carriesGoods(slip);
  const [list, setList] = useState<Carriers | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);

  useEffect(() => {
    if (!may) return;
    void call('slips.carriers', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, [may]);

  if (!may) return <span data-testid="carrier-name">{slip.carrier?.name ?? '—'}</span>;

  const choose = async (value: string) => {
    setError(null);
    const r = await call('slips.setCarrier', { slipId: slip.id, carrierId: value === '' ? null : Number(value) });
    if (!r.ok) return setError(r.error);
    const name = r.value.carrier?.name;
    onChanged(r.value, name ? t('carrier.saved', { no: slip.no, name }) : t('carrier.noneSaved', { no: slip.no }));
  };

  // the current carrier stays in the list even if no longer a driver, so the select shows the truth
  const options = list ?? [];
  const current = slip.carrier && !options.some((c) => c.id === slip.carrier!.id) ? [{ ...slip.carrier, roles: [] }] : [];
  return (
    <span className="carrier-picker">
      <select
        className="input"
        aria-label={t('carrier.label')}
        title={t('carrier.hint')}
        data-testid="carrier-select"
        value={slip.carrier ? String(slip.carrier.id) : ''}
        onChange={(e) => {
          e.target.blur(); // the next scan goes to the screen, not the list
          void choose(e.target.value);
        }}
      >
        <option value="">{t('carrier.none')}</option>
        {[...current, ...options].map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.name}
          </option>
        ))}
      </select>
      <ErrorLine error={error} />
    </span>
  );
}
