// The dialogs of 盘点: a new count (weekly by chosen items / location / ABC class / days not counted
// / a random sample, or month-end), a line's cause, the manager's approval (PIN) and the 红字 (reason, PIN).

import { useState } from 'react';
import type { Count, CountCause, CountSelection, Item, VarianceLine } from '../../../../shared/contract';
import { COUNT_CAUSES } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PinInput } from '../../components/people';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { SignoffField, type Signoff } from '../Finance/common';
import { ChosenItems } from './ChosenItems';
import { causeName } from './countColumns';

type By = 'items' | 'location' | 'abc' | 'notCounted' | 'random';

function selectionOf(by: By, v: string, items: Item[]): CountSelection {
  if (by === 'items') return { by, itemIds: items.map((i) => i.id) };
  if (by === 'location') return { by, prefix: v.trim() };
  if (by === 'abc') return { by, abcClass: (v || 'A') as 'A' | 'B' | 'C' };
  return by === 'notCounted' ? { by, days: Number(v) || 30 } : { by, sampleSize: Number(v) || 10 };
}

export function NewCountDialog(p: { onClose(): void; onMade(c: Count): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'weekly' | 'monthEnd'>('weekly');
  const [by, setBy] = useState<By>('location');
  const [value, setValue] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const w = useWrite();
  const submit = () => {
    if (kind === 'weekly' && by === 'items' && items.length === 0) return w.setError(localError('ctm.noneChosen'));
    const input = kind === 'monthEnd' ? { kind } : { kind, selection: selectionOf(by, value, items) };
    void w.run((requestId) => call('counts.create', input, { requestId }), p.onMade);
  };
  const label = by === 'location' ? 'ct.prefix' : by === 'abc' ? 'ct.by.abc' : by === 'notCounted' ? 'ct.days' : 'ct.sample';
  return (
    <FormDialog
      title={t('ct.new')}
      width={kind === 'weekly' && by === 'items' ? 720 : undefined}
      confirmText={t('ct.new')}
      busy={w.busy}
      onConfirm={submit}
      onCancel={p.onClose}
    >
      <Field label={t('ct.kind')}>
        <select className="input" data-autofocus value={kind} onChange={(e) => setKind(e.target.value as 'weekly' | 'monthEnd')}>
          <option value="weekly">{t('ct.kind.weekly')}</option>
          <option value="monthEnd">{t('ct.kind.monthEnd')}</option>
        </select>
      </Field>
      {kind === 'weekly' ? (
        <>
          <Field label={t('ct.by')}>
            <select className="input" value={by} onChange={(e) => (setBy(e.target.value as By), setValue(''))}>
              {(['items', 'location', 'abc', 'notCounted', 'random'] as const).map((b) => (
                <option key={b} value={b}>
                  {b === 'items' ? t('ctm.by.items') : t(`ct.by.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          {by === 'items' ? (
            <ChosenItems items={items} onChange={setItems} />
          ) : (
            <Field label={t(label)}>
              <input
                className="input"
                value={value}
                maxLength={30}
                onChange={(e) => setValue(e.target.value)}
                placeholder={by === 'abc' ? 'A / B / C' : ''}
                data-testid="count-by-value"
              />
            </Field>
          )}
        </>
      ) : null}
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function CauseDialog(p: { countId: number; line: VarianceLine; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [cause, setCause] = useState<CountCause>(p.line.cause ?? 'wastage');
  const [text, setText] = useState(p.line.causeText);
  const w = useWrite();
  const submit = () =>
    void w.run((requestId) => call('counts.setCause', { countId: p.countId, lineId: p.line.lineId, cause, causeText: text.trim() }, { requestId }), p.onDone);
  return (
    <FormDialog title={`${t('ct.setCause')} ${p.line.itemCode}`} confirmText={t('common.save')} busy={w.busy} onConfirm={submit} onCancel={p.onClose}>
      <Field label={t('ct.cause')}>
        <select className="input" data-autofocus value={cause} onChange={(e) => setCause(e.target.value as CountCause)} data-testid="count-cause">
          {COUNT_CAUSES.map((c) => (
            <option key={c} value={c}>
              {causeName(t, c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('ct.causeText')} wide>
        <input className="input" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function ApproveDialog(p: { count: Count; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  const submit = async () => {
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    await w.run(
      (requestId) => call('counts.approve', { countId: p.count.id, signoff: { user: mgr.user!, pin: mgr.pin } }, { requestId }),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  return (
    <FormDialog
      title={t('ct.approveTitle', { no: p.count.no })}
      confirmText={t('ct.approve')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onClose}
    >
      <p className="dialog-text">{t('ct.approveText')}</p>
      <SignoffField role="manager" label={t('slip.reverseManager')} value={mgr} onChange={setMgr} id="count-mgr-pin" autoFocus />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

export function ReverseCountDialog(p: { count: Count; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (!reason.trim()) return w.setError(localError('reason.required'));
    await w.run(
      (requestId) => call('counts.reverse', { countId: p.count.id, reason: reason.trim(), pin }, { requestId }),
      p.onDone,
      () => setPin(''),
    );
  };
  return (
    <FormDialog
      title={t('ct.reverseTitle', { no: p.count.no })}
      confirmText={t('ct.reverse')}
      variant="danger"
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onClose}
    >
      <Field label={t('ct.reason')} wide>
        <input className="input" data-autofocus value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field label={t('login.pin')}>
        <PinInput value={pin} onChange={(e) => setPin(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
