// The cash journal's dialogs: 交回公司货款 / 备用金拨入 (F7 / F8), and 红字冲销 of a row (F6).

import { useState } from 'react';
import { call } from '../../api';
import { ReasonDialog } from '../../components/dialogs';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { useI18n } from '../../i18n';
import type { JRow } from './cashJournal';
import { AccountSelect, fen, typedFen, type MoneyAccount } from './common';

/** 交回公司货款 / 备用金拨入: an account, an amount in 元, a memo. */
export function MoneyMoveDialog(p: { kind: 'remit' | 'topUp'; account: MoneyAccount; onCancel(): void; onDone(row: JRow): void }) {
  const { t } = useI18n();
  const [account, setAccount] = useState<MoneyAccount>(p.account);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    const f = typedFen(amount);
    if (!f.ok) return w.setError(f.error);
    await w.run(
      (requestId) => call(p.kind === 'remit' ? 'cash.remit' : 'cash.topUp', { account, amountFen: f.fen, memo: memo.trim() }, { requestId }),
      p.onDone,
    );
  };
  const title = t(p.kind === 'remit' ? 'jr.remit' : 'jr.topUp');
  return (
    <FormDialog title={title} confirmText={title} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <div className="form-grid">
        <Field label={t('dc.account')}>
          <AccountSelect value={account} onChange={setAccount} />
        </Field>
        <Field label={t('fin.amountYuan')}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('fin.memo')} wide>
          <input className="input" value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** 红字冲销 of one journal row, with a reason; says which red voucher it made. */
export function ReverseEntryDialog(p: { row: JRow; onReversed(msg: string): void; onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const { row } = p;
  return (
    <ReasonDialog
      title={t('jr.reverseTitle', { no: row.voucherNo })}
      label={t('jr.reverseReason')}
      confirmText={t('jr.reverse')}
      onCancel={p.onCancel}
      run={async (reason, requestId) => {
        const r = await call('cash.reverse', { entryId: row.id, reason }, { requestId });
        if (r.ok) p.onReversed(t('jr.reverseDone', { no: row.voucherNo, red: r.value.reversal.voucherNo }));
        return r.ok ? null : r.error;
      }}
      onDone={p.onDone}
    >
      <p className="dialog-text">
        {row.date} · {row.summary} · {fen(row.receiptFen ?? row.paymentFen ?? 0)}
      </p>
    </ReasonDialog>
  );
}
