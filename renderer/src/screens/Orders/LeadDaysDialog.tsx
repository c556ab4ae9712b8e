// 到货周期: the manager sets HQ's lead time — the office default, or one item's own (empty: the item
// takes the default again). orderPlan.setLeadDays decides; the plan is reckoned again after each save.

import { useState } from 'react';
import type { Item } from '../../../../shared/contract';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { refusalError, useI18n } from '../../i18n';
import { parseQty } from '../../numbers';
import { useSession } from '../../session';
import { leadFacts } from './leadFacts';

type Own = { item: Item; leadDays: number; own: number | null };

/** The days typed: a whole number 0–365, or (for an item) empty for the default. */
function daysOf(text: string, emptyIsDefault: boolean) {
  if (emptyIsDefault && text.trim() === '') return { ok: true as const, value: null };
  return parseQty(text, { field: 'leadDays', min: 0, max: 365 });
}

export function LeadDaysDialog({ leadDefault, onSaved, onClose }: { leadDefault: number; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const w = useWrite();
  const [defText, setDefText] = useState(String(leadDefault));
  const [chosen, setChosen] = useState<Own | null>(null);
  const [ownText, setOwnText] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const pick = async (item: Item) => {
    const f = await leadFacts(item.code);
    if (!f.ok) return w.setError(f.error);
    const row = f.value.byItem.get(item.id);
    const own = row?.ownLeadDays ?? null;
    setChosen({ item, leadDays: row?.leadDays ?? f.value.leadDefault, own });
    setOwnText(own === null ? '' : String(own));
  };
  const save = async (itemId: number | undefined, text: string) => {
    const d = daysOf(text, itemId !== undefined);
    if (!d.ok) return w.setError(refusalError(d.refusal));
    await w.run(
      (requestId) => call('orderPlan.setLeadDays', { itemId, leadDays: d.value }, { requestId }),
      (r) => {
        w.setError(null);
        const days = r.leadDays === null ? t('ld.useDefault') : t('ld.days', { n: r.leadDays });
        setDone(chosen && itemId ? t('ld.savedItem', { code: chosen.item.code, days }) : t('ld.savedDefault', { n: r.leadDays ?? 0 }));
        if (chosen && itemId) setChosen({ ...chosen, own: r.leadDays, leadDays: r.leadDays ?? leadDefault });
        onSaved();
      },
    );
  };

  return (
    <Dialog title={t('ld.title')} width={560} onCancel={onClose} footer={<Btn onClick={onClose}>{t('ld.close')}</Btn>}>
      <div className="form-row" style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
        <Field label={t('ld.default')}>
          <input className="input narrow" inputMode="numeric" value={defText} onChange={(e) => setDefText(e.target.value)} data-testid="lead-default" />
        </Field>
        <Btn variant="primary" disabled={w.busy} onClick={() => void save(undefined, defText)} data-testid="lead-save-default">
          {t('ld.saveDefault')}
        </Btn>
      </div>
      <Field label={t('ld.item')} wide>
        <ItemPicker value={chosen?.item ?? null} onPick={(i) => void pick(i)} id="lead-item" />
      </Field>
      {chosen ? (
        <div className="form-row" style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <Field label={t('ld.itemDays')} hint={t('ld.current', { n: chosen.leadDays, own: t(chosen.own === null ? 'ld.fromDefault' : 'ld.own') })}>
            <input className="input narrow" inputMode="numeric" value={ownText} onChange={(e) => setOwnText(e.target.value)} data-testid="lead-item-days" />
          </Field>
          <Btn variant="primary" disabled={w.busy} onClick={() => void save(chosen.item.id, ownText)} data-testid="lead-save-item">
            {t('ld.saveItem')}
          </Btn>
        </div>
      ) : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <ErrorLine error={w.error} />
    </Dialog>
  );
}

/** On 订货规划: the manager's 到货周期 button and dialog; the others read the default. */
export function LeadDaysButton({ leadDefault, onSaved }: { leadDefault: number | undefined; onSaved(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (leadDefault === undefined) return null;
  if (!session.can('orderPlan.setLeadDays'))
    return (
      <span className="hint-line" data-testid="lead-default-shown">
        {t('ld.defaultShown', { n: leadDefault })}
      </span>
    );
  return (
    <>
      <Btn onClick={() => setOpen(true)} data-testid="lead-open">
        {t('ld.button')}
      </Btn>
      {open ? <LeadDaysDialog leadDefault={leadDefault} onSaved={onSaved} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
