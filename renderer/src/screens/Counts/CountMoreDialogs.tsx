// The manager's count settings (盲盘/明盘, 复核 required), the recount (复核) of a variance line by
// someone who did not count it, and the manager's unit cost on a gain line (盘盈成本). The core
// decides (counts.setSettings / counts.recount / counts.setCost); the screen shows who counted and
// who recounts, and says at once what the core would refuse.

import { useEffect, useState } from 'react';
import type { CountLine, CountMode, VarianceLine } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field, Notice } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { refusalError, useI18n } from '../../i18n';
import { parseMoney, parseQty } from '../../numbers';
import { useSession } from '../../session';

export const countersOf = (l: CountLine) => [...new Map(l.entries.map((e) => [e.by.id, e.by])).values()];

export function CountSettingsDialog(p: { onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<CountMode | null>(null);
  const [recount, setRecount] = useState(false);
  const w = useWrite();
  useEffect(() => {
    void call('counts.settings', {}).then((r) => (r.ok ? (setMode(r.value.countMode), setRecount(r.value.countRecount)) : w.setError(r.error)));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = () => mode && void w.run((requestId) => call('counts.setSettings', { countMode: mode, countRecount: recount }, { requestId }), p.onDone);
  return (
    <FormDialog title={t('ctm.settings')} confirmText={t('common.save')} busy={w.busy || !mode} onConfirm={submit} onCancel={p.onClose}>
      <p className="dialog-text">{t('ctm.settingsText')}</p>
      <Field label={t('ctm.mode')} wide>
        <select className="input" data-autofocus value={mode ?? 'blind'} onChange={(e) => setMode(e.target.value as CountMode)} data-testid="count-mode">
          <option value="blind">{t('ctm.mode.blind')}</option>
          <option value="open">{t('ctm.mode.open')}</option>
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={recount} onChange={(e) => setRecount(e.target.checked)} data-testid="count-recount-required" />
        {t('ctm.recountRequired')}
      </label>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function RecountDialog(p: { countId: number; line: CountLine; onClose(): void; onDone(l: CountLine): void }) {
  const { t } = useI18n();
  const me = useSession().user;
  const [qty, setQty] = useState('');
  const w = useWrite();
  const counters = countersOf(p.line);
  const same = counters.find((c) => c.id === me?.id);
  const submit = () => {
    if (same) return; // the core refuses it too (count_recount_same_person); the notice says why
    const q = parseQty(qty, { min: 0, field: 'count' });
    if (!q.ok) return w.setError(refusalError(q.refusal));
    void w.run((requestId) => call('counts.recount', { countId: p.countId, lineId: p.line.id, qty: q.value }, { requestId }), p.onDone);
  };
  return (
    <FormDialog
      title={t('ctm.recountTitle', { code: `${p.line.itemCode} ${p.line.itemName}` })}
      confirmText={t('ctm.recount')}
      busy={w.busy || !!same}
      onConfirm={submit}
      onCancel={p.onClose}
    >
      <dl className="count-who" data-testid="recount-who">
        <dt>{t('ctm.countedBy')}</dt>
        <dd>{counters.map((c) => c.name).join('、')}</dd>
        <dt>{t('ct.countedQty')}</dt>
        <dd>{p.line.countedQty ?? ''}</dd>
        <dt>{t('ctm.recountBy')}</dt>
        <dd>{me?.name ?? ''}</dd>
      </dl>
      {same ? <Notice kind="warn">{t('ctm.samePerson', { name: same.name })}</Notice> : null}
      {same ? null : (
        <Field label={t('ctm.recountQty')}>
          <input className="input narrow" data-autofocus value={qty} onChange={(e) => setQty(e.target.value)} data-testid="recount-qty" />
        </Field>
      )}
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function GainCostDialog(p: { countId: number; line: VarianceLine; unitCostFen: number | null; onClose(): void; onDone(l: CountLine): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(p.unitCostFen === null ? '' : (p.unitCostFen / 100).toFixed(2));
  const w = useWrite();
  const submit = () => {
    const m = text.trim() === '' ? null : parseMoney(text, { field: 'unitCost' });
    if (m && !m.ok) return w.setError(refusalError(m.refusal));
    const unitCostFen = m ? m.value : null;
    void w.run((requestId) => call('counts.setCost', { countId: p.countId, lineId: p.line.lineId, unitCostFen }, { requestId }), p.onDone);
  };
  return (
    <FormDialog
      title={t('ctm.costTitle', { code: `${p.line.itemCode} ${p.line.itemName}` })}
      confirmText={t('common.save')}
      busy={w.busy}
      onConfirm={submit}
      onCancel={p.onClose}
    >
      <p className="dialog-text">{t('ctm.costText', { qty: p.line.diffQty })}</p>
      <Field label={t('ctm.unitCost')}>
        <input className="input narrow" data-autofocus value={text} onChange={(e) => setText(e.target.value)} data-testid="count-cost" />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
