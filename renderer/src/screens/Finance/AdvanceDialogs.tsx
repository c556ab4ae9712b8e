// 借支's dialogs: a new advance (the person, the account, the amount, the purpose, the manager's PIN),
// settling one (an approved claim of the person, or cash returned), and the red reversals of a
// settlement or of the advance itself.

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { ReasonDialog } from '../../components/dialogs';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect, useUsers } from '../../components/people';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { AccountSelect, fen, SignoffField, typedFen, type MoneyAccount, type Signoff } from './common';
import type { AdvanceRow, SettlementRow } from './advances';

export function NewAdvanceDialog(p: { onCancel(): void; onDone(v: Output<'advances.create'>): void }) {
  const { t } = useI18n();
  const people = useUsers();
  const [personId, setPersonId] = useState<number | ''>('');
  const [account, setAccount] = useState<MoneyAccount>('cash');
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  useEffect(() => setPersonId((x) => (x === '' && people[0] ? people[0].id : x)), [people]);
  const submit = async () => {
    if (w.busy) return;
    if (personId === '') return w.setError(localError('adv.needPerson'));
    const f = typedFen(amount);
    if (!f.ok) return w.setError(f.error);
    if (!purpose.trim()) return w.setError(localError('adv.needPurpose'));
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    await w.run(
      (requestId) =>
        call('advances.create', { personId, account, amountFen: f.fen, purpose: purpose.trim(), manager: { user: mgr.user!, pin: mgr.pin } }, { requestId }),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  return (
    <FormDialog title={t('adv.newTitle')} confirmText={t('adv.new')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <p className="dialog-text">{t('adv.newHint')}</p>
      <div className="form-grid">
        <Field label={t('adv.person')}>
          <PersonSelect people={people} value={personId} onChange={setPersonId} autoFocus />
        </Field>
        <Field label={t('dc.account')}>
          <AccountSelect value={account} onChange={setAccount} />
        </Field>
        <Field label={t('fin.amountYuan')}>
          <input className="input num" data-testid="adv-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('adv.purpose')} wide>
          <input className="input" data-testid="adv-purpose" value={purpose} maxLength={200} onChange={(e) => setPurpose(e.target.value)} />
        </Field>
      </div>
      <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="adv-mgr-pin" />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

type Claim = Output<'expenses.list'>['rows'][number];

/** 核销: an approved claim of the person, or cash returned (no more than is open). */
export function SettleAdvanceDialog(p: { advance: AdvanceRow; onCancel(): void; onDone(msg: string): void }) {
  const { t } = useI18n();
  const a = p.advance;
  const [mode, setMode] = useState<'claim' | 'cash'>('claim');
  const [claims, setClaims] = useState<Claim[]>([]);
  const [claimId, setClaimId] = useState<number | ''>('');
  const [account, setAccount] = useState<MoneyAccount>(a.account);
  const [amount, setAmount] = useState(String(a.openFen / 100));
  const w = useWrite();
  const { setError } = w;
  useEffect(() => {
    void call('expenses.list', { claimantId: a.person.id, state: 'approved', limit: 100, offset: 0 }).then((r) => {
      if (!r.ok) return setError(r.error);
      setClaims(r.value.rows);
      setClaimId(r.value.rows[0]?.id ?? '');
      if (r.value.rows.length === 0) setMode('cash');
    });
  }, [a.person.id, setError]);
  const submit = async () => {
    if (w.busy) return;
    if (mode === 'claim') {
      if (claimId === '') return setError(localError('adv.noClaims', { name: a.person.name }));
      const c = claims.find((x) => x.id === claimId)!;
      return w.run(
        (requestId) => call('advances.applyClaim', { advanceId: a.id, claimId }, { requestId }),
        (v) =>
          p.onDone(
            v.voucher
              ? t('adv.applied.paid', { claim: c.no, no: a.no, fen: fen(v.voucher.paymentFen), voucher: v.voucher.voucherNo })
              : t('adv.applied.done', { claim: c.no, no: a.no }),
          ),
      );
    }
    const f = typedFen(amount);
    if (!f.ok) return setError(f.error);
    await w.run(
      (requestId) => call('advances.returnCash', { advanceId: a.id, account, amountFen: f.fen }, { requestId }),
      (v) => p.onDone(t('adv.returned.done', { no: a.no, fen: fen(f.fen), voucher: v.voucher.voucherNo })),
    );
  };
  return (
    <FormDialog
      title={t('adv.settleTitle', { no: a.no, name: a.person.name, fen: fen(a.openFen) })}
      confirmText={t('adv.settle')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <div className="acct-tabs" role="tablist">
        {(['claim', 'cash'] as const).map((m) => (
          <button key={m} type="button" className={`btn ${mode === m ? 'on' : ''}`} data-testid={`adv-mode-${m}`} onClick={() => setMode(m)}>
            {t(m === 'claim' ? 'adv.byClaim' : 'adv.byCash')}
          </button>
        ))}
      </div>
      {mode === 'claim' ? (
        <>
          <p className="dialog-text">{claims.length ? t('adv.claimHint') : t('adv.noClaims', { name: a.person.name })}</p>
          <Field label={t('adv.claim')} wide>
            <select className="input" data-testid="adv-claim" data-autofocus value={claimId} onChange={(e) => setClaimId(Number(e.target.value))}>
              {claims.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.no} {c.category} ¥{fen(c.amountFen)} {c.summary}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <div className="form-grid">
          <Field label={t('dc.account')}>
            <AccountSelect value={account} onChange={setAccount} />
          </Field>
          <Field label={t('fin.amountYuan')}>
            <input className="input num" data-testid="adv-return" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
        </div>
      )}
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** 红字: the advance itself (nothing settled standing) or one settlement of it. */
export function ReverseAdvanceDialog(p: { advance: AdvanceRow; settlement: SettlementRow | null; onCancel(): void; onDone(msg: string): void }) {
  const { t } = useI18n();
  const { advance: a, settlement: s } = p;
  let msg = '';
  return (
    <ReasonDialog
      title={s ? t('adv.undoTitle', { what: s.summary }) : t('adv.reverseTitle', { no: a.no })}
      label={t('adv.reason')}
      confirmText={s ? t('adv.undo') : t('adv.reverse')}
      onCancel={p.onCancel}
      run={async (reason, requestId) => {
        if (s) {
          const r = await call('advances.reverseSettlement', { settlementId: s.id, reason }, { requestId });
          if (r.ok) msg = t('adv.undone', { no: a.no, fen: fen(r.value.advance.openFen) });
          return r.ok ? null : r.error;
        }
        const r = await call('advances.reverse', { advanceId: a.id, reason }, { requestId });
        if (r.ok) msg = t('adv.reversed', { no: a.no, voucher: r.value.voucher.voucherNo });
        return r.ok ? null : r.error;
      }}
      onDone={() => p.onDone(msg)}
    >
      <p className="dialog-text">{t(s ? 'adv.undoHint' : 'adv.reverseHint')}</p>
    </ReasonDialog>
  );
}
