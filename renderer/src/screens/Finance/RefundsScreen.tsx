// 待付退款: refunds the keeper's postings made (a cash or channel return, a short-picked cash
// sale), pending first, oldest first; finance pays the selected one with the PIN (F9 确认付款).
// The cash journal's second tab. Keys: F9 confirm · F5 refresh.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fen, financeChanged } from './common';
import { ConfirmRefundDialog, JournalTabs } from './RefundParts';
import { REFUND_STATES, refundColumns, refundStateName, type RefundRow, type Refunds, type RefundState } from './refunds';

export function RefundsScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [state, setState] = useState<RefundState | ''>('');
  const [data, setData] = useState<Refunds | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<RefundRow | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canPay = session.can('refunds.confirm') && sel?.state === 'pending';

  const load = useCallback(async () => {
    const r = await call('refunds.list', { state: state || undefined, limit: 1000, offset: 0 });
    if (!r.ok) return setError(r.error);
    setData(r.value);
    setError(null);
    setSel((s) => (s ? (r.value.rows.find((x) => x.id === s.id) ?? null) : null));
  }, [state]);
  useEffect(() => {
    void load();
  }, [load]);

  useHotkeys({ F5: () => void load(), ...(canPay ? { F9: () => setConfirming(true) } : {}) });
  const cols = useMemo(() => refundColumns(t), [t]);

  return (
    <div className="screen-col">
      <Toolbar title={t('rf.title')} sub={data ? t('rf.sub', { n: data.pendingCount, fen: fen(data.pendingFen) }) : undefined}>
        <JournalTabs on="refunds" />
        <select className="input narrow-select" value={state} onChange={(e) => setState(e.target.value as RefundState | '')}>
          <option value="">{t('rf.allStates')}</option>
          {REFUND_STATES.map((s) => (
            <option key={s} value={s}>
              {refundStateName(t, s)}
            </option>
          ))}
        </select>
        {session.can('refunds.confirm') ? (
          <Btn variant="primary" hotkey="F9" disabled={!canPay} onClick={() => setConfirming(true)}>
            {t('rf.confirm')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<RefundRow>
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<RefundRow>(setSel)}
          onRowDoubleClicked={(e) => e.data?.state === 'pending' && session.can('refunds.confirm') && setConfirming(true)}
        />
      </div>
      <KeyHints items={[...(session.can('refunds.confirm') ? ([['F9', t('rf.confirm')]] as [string, string][]) : []), ['F5', t('keys.refresh')]]} />
      {confirming && sel ? (
        <ConfirmRefundDialog
          refund={sel}
          onCancel={() => setConfirming(false)}
          onDone={(v) => {
            setConfirming(false);
            setDone(t('rf.paidDone', { no: v.refund.slipNo, fen: fen(v.refund.amountFen), voucher: v.voucher.voucherNo }));
            financeChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
