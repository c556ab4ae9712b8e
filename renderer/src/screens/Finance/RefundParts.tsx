// Parts of 待付退款 shown elsewhere: the tabs that put it (and 送货收款) beside the cash journal, finance's
// confirmation with the PIN, the slip's 退款 line and the close of day's warning.

import { useState } from 'react';
import type { DayClosePreview, Output, Slip } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PinInput } from '../../components/people';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { navigate } from '../../hooks/router';
import { localError, useI18n, type I18n } from '../../i18n';
import { useSession } from '../../session';
import { acctKey, fen } from './common';
import { ScreenTabs } from '../../components/ScreenTabs';
import { refundKindName, type RefundRow } from './refunds';

/** 现金日记账 | 待付退款 | 送货收款 | 借支 (one nav entry: the keys reach 20 screens, tests/renderer/key-scheme.test.ts) */
export function JournalTabs({ on }: { on: 'journal' | 'refunds' | 'delivery' | 'advances' }) {
  const session = useSession();
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'journal', path: '/journal', label: 'rf.tab.journal', show: true },
        { key: 'refunds', path: '/journal/refunds', label: 'rf.tab.refunds', show: session.can('refunds.list') },
        { key: 'delivery', path: '/journal/delivery', label: 'dc2.tab', show: session.can('deliveryCash.list') },
        { key: 'advances', path: '/journal/advances', label: 'adv.tab', show: session.can('advances.list') },
      ]}
    />
  );
}

/** 确认付款: finance re-enters the PIN; a wrong PIN clears only the PIN. */
export function ConfirmRefundDialog(p: { refund: RefundRow; onCancel(): void; onDone(v: Output<'refunds.confirm'>): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const w = useWrite();
  const r = p.refund;
  const account = t(acctKey(r.account));
  const submit = async () => {
    if (w.busy) return;
    if (pin.length < 4) return w.setError(localError('fin.needPin'));
    await w.run(
      (requestId) => call('refunds.confirm', { refundId: r.id, pin }, { requestId }),
      p.onDone,
      () => setPin(''),
    );
  };
  return (
    <FormDialog
      title={t('rf.confirmTitle', { no: r.slipNo, fen: fen(r.amountFen) })}
      confirmText={t('rf.confirm')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{t('rf.confirmText', { customer: r.customerName, kind: refundKindName(t, r.cause), account })}</p>
      <Field label={t('rf.pin')}>
        <PinInput id="refund-pin" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} />
      </Field>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

/** The slip's 退款: 退款待财务确认 / 已付 (voucher, who) / 已取消. */
export function refundText(t: I18n['t'], f: NonNullable<Slip['refund']>): string {
  if (f.state === 'pending') return t('rf.slip.pending', { fen: fen(f.amountFen) });
  if (f.state === 'paid') return t('rf.slip.paid', { fen: fen(f.amountFen), voucher: f.voucherNo ?? '', name: f.confirmedBy?.name ?? '' });
  return t('rf.slip.cancelled');
}

/** The close of day: refunds finance has not paid — a warning, with the way to pay them for finance. */
export function PendingRefundsNotice({ pv }: { pv: DayClosePreview }) {
  const { t } = useI18n();
  const session = useSession();
  const f = pv.pendingRefunds;
  if (f.count === 0) return null;
  const nos = f.rows.map((r) => r.slipNo).join('、');
  return (
    <Notice kind="warn">
      {t('rf.dayWarn', { n: f.count, fen: fen(f.amountFen), nos })}{' '}
      {session.can('refunds.confirm') ? <Btn onClick={() => navigate('/journal/refunds')}>{t('rf.goPay')}</Btn> : null}
    </Notice>
  );
}
