// 回款 (F2 on the customer ledger): account, amount in 元, oldest slips first or allocated by hand
// over the open slips, a memo.

import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { AccountSelect, fen, typedFen, yuanToFen, type MoneyAccount } from './common';
import { oldestFirst } from './customerLedger';

type OpenSlips = Output<'receivables.open'>['openSlips'];
type Mode = 'oldest' | 'manual';

/** The amounts typed per open slip; null when one is not an amount. */
function manualAllocations(open: OpenSlips, alloc: Record<number, string>): { slipId: number; amountFen: number }[] | null {
  const allocations: { slipId: number; amountFen: number }[] = [];
  for (const s of open) {
    const v = alloc[s.entryId];
    if (!v?.trim() || !s.slipId) continue;
    const f = yuanToFen(v);
    if (f === null || f < 0) return null;
    if (f > 0) allocations.push({ slipId: s.slipId, amountFen: f });
  }
  return allocations;
}

export function CollectDialog(p: { customerId: number; name: string; onCancel(): void; onDone(msg: string): void }) {
  const { t } = useI18n();
  const [account, setAccount] = useState<MoneyAccount>('bank');
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<Mode>('oldest');
  const [open, setOpen] = useState<Output<'receivables.open'> | null>(null);
  const [alloc, setAlloc] = useState<Record<number, string>>({});
  const [memo, setMemo] = useState('');
  const w = useWrite();
  const { setError } = w;

  useEffect(() => {
    void call('receivables.open', { customerId: p.customerId }).then((r) => (r.ok ? setOpen(r.value) : setError(r.error)));
  }, [p.customerId, setError]);

  const slips = open?.openSlips ?? [];
  const total = yuanToFen(amount);
  const manualSum = Object.values(alloc).reduce((a, v) => a + (yuanToFen(v) ?? 0), 0);
  const oldest = oldestFirst(slips, total ?? 0);
  const unallocated = mode === 'manual' ? Math.max(0, (total ?? 0) - manualSum) : Math.max(0, oldest.leftFen);
  const submit = async () => {
    if (w.busy) return;
    const typed = typedFen(amount);
    if (!typed.ok) return w.setError(typed.error);
    const allocations = mode === 'manual' ? manualAllocations(slips, alloc) : undefined;
    if (allocations === null) return w.setError(localError('fin.badAmount'));
    await w.run(
      (requestId) => call('receivables.collect', { customerId: p.customerId, account, amountFen: typed.fen, allocations, memo: memo.trim() }, { requestId }),
      (v) => p.onDone(t('co.done', { fen: fen(typed.fen), no: v.voucher.voucherNo })),
    );
  };

  return (
    <FormDialog
      width={640}
      title={t('co.collectTitle', { name: p.name })}
      confirmText={t('cu.collect')}
      busy={w.busy}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <div className="form-grid">
        <Field label={t('co.account')}>
          <AccountSelect value={account} onChange={setAccount} />
        </Field>
        <Field label={t('fin.amountYuan')} hint={open ? `${t('ag.balance')} ${fen(open.balanceFen)}` : undefined}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('co.mode')}>
          <select className="input" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="oldest">{t('co.oldest')}</option>
            <option value="manual">{t('co.manual')}</option>
          </select>
        </Field>
        <Field label={t('fin.memo')}>
          <input className="input" value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} />
        </Field>
      </div>
      <AllocTable
        slips={slips}
        manual={mode === 'manual'}
        alloc={alloc}
        onAlloc={(entryId, v) => setAlloc((a) => ({ ...a, [entryId]: v }))}
        oldest={oldest.byEntry}
        unallocated={unallocated}
      />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}

interface AllocProps {
  slips: OpenSlips;
  manual: boolean;
  alloc: Record<number, string>;
  onAlloc(entryId: number, v: string): void;
  oldest: Map<number, number>;
  unallocated: number;
}

/** The open slips with what the collection settles on each (typed by hand, or oldest first). */
function AllocTable({ slips, manual, alloc, onAlloc, oldest, unallocated }: AllocProps) {
  const { t } = useI18n();
  return (
    <table className="fin-table">
      <thead>
        <tr>
          <th>{t('cu.slip')}</th>
          <th>{t('fin.date')}</th>
          <th className="num">{t('cu.openAmt')}</th>
          <th className="num">{t('cu.age')}</th>
          <th className="num">{t('co.allocate')}</th>
        </tr>
      </thead>
      <tbody>
        {slips.map((s) => (
          <tr key={s.entryId}>
            <td>{s.slipNo}</td>
            <td>{s.date}</td>
            <td className="num">{fen(s.openFen)}</td>
            <td className="num">{s.ageDays}</td>
            {manual ? (
              <td className="num">
                <input className="input num" value={alloc[s.entryId] ?? ''} onChange={(e) => onAlloc(s.entryId, e.target.value)} />
              </td>
            ) : (
              <td className="num">{oldest.get(s.entryId) ? fen(oldest.get(s.entryId)) : ''}</td>
            )}
          </tr>
        ))}
        <tr className="sum">
          <td colSpan={4}>{t('co.unallocated')}</td>
          <td className="num">{fen(unallocated)}</td>
        </tr>
      </tbody>
    </table>
  );
}
