// One slip: header, lines, signatures (name, role, time, still valid?), reversal link, and what
// may be done with it now: edit / sign / pick / void a draft, reverse (红字冲销) a posted slip,
// start a return from a posted dispatch. Keys: F4 edit · F6 sign · F9 pick · F8 reverse · Esc back.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Slip, SlipLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ReasonDialog, SignDialog } from '../../components/dialogs';
import { Grid, formatDateTime, moneyCol, qtyCol } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { setFlash, takeFlash } from '../../slip/flash';
import { SignatureBadges, SignatureTable, Totals } from '../../slip/parts';
import { EDITOR_ROUTE } from '../../slip/useSlipDraft';
import { PrintButtons } from '../../printing/PrintButtons';
import { PrintLog } from '../../printing/PrintLog';
import '../../printing/printing.css';

export function SlipView({ slipId }: { slipId: number }) {
  const { t, kind, pay } = useI18n();
  const session = useSession();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [flash, setFlashMsg] = useState(takeFlash);
  const [dialog, setDialog] = useState<'sign' | 'void' | 'reverse' | null>(null);
  const [printed, setPrinted] = useState(0);

  const load = useCallback(async () => {
    const r = await call('slips.get', { slipId });
    if (r.ok) setSlip(r.value);
    else setError(r.error);
  }, [slipId]);
  useEffect(() => void load(), [load]);

  const s = slip;
  const isDraft = s?.state === 'draft';
  const creatable = s && s.kind !== 'reversal' ? s.kind : null;
  const canEdit = !!creatable && isDraft && session.canCreate(creatable);
  const canSign = !!s && isDraft && s.missingSignatures.length > 0;
  const canPick = !!s && isDraft && session.can('slips.post') && s.missingSignatures.length === 0;
  const canVoid = !!creatable && isDraft && session.canCreate(creatable);
  const canReverse = !!s && s.state === 'posted' && s.kind !== 'reversal' && !s.reversedBy && session.can('slips.reverse');
  const returnable = !!s && s.kind === 'dispatch' && s.state === 'posted' && !s.reversedBy && s.lines.some((l) => (l.returnableQty ?? 0) > 0);
  const canReturn = returnable && session.canCreate('return');
  const sign = s?.kind === 'reversal' ? -1 : 1;

  const edit = () => canEdit && creatable && navigate(`/${EDITOR_ROUTE[creatable]}/${s!.id}`);
  const pick = () => {
    if (!canPick || !s) return;
    navigate(s.kind === 'inbound' ? `/inbound/${s.id}` : `/pick/${s.id}`);
  };

  useHotkeys({
    F4: edit,
    F6: () => canSign && setDialog('sign'),
    F9: pick,
    F8: () => canReverse && setDialog('reverse'),
    F7: () => canReturn && navigate(`/returns/from/${s!.id}`),
    Escape: () => window.history.length > 1 ? window.history.back() : navigate('/slips'),
  });

  const cols = useMemo<ColDef<SlipLine>[]>(() => {
    if (!s) return [];
    const posted = s.state === 'posted';
    const c: ColDef<SlipLine>[] = [
      { field: 'lineNo', headerName: '#', width: 48, cellClass: 'muted' },
      { field: 'itemCode', headerName: t('item.code'), width: 100 },
      { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 160, tooltipField: 'itemName' },
      { field: 'spec', headerName: t('item.spec'), width: 112, tooltipField: 'spec' },
      { field: 'unit', headerName: t('item.unit'), width: 56 },
      qtyCol<SlipLine>({ colId: 'qty', headerName: t('slip.qty'), width: 72, valueGetter: (x) => (x.data ? x.data.qty * sign : null) }),
    ];
    if (posted && (s.kind === 'dispatch' || s.kind === 'return'))
      c.push(qtyCol<SlipLine>({ colId: 'shipped', headerName: s.kind === 'dispatch' ? t('slip.shippedQty') : t('ret.received'), width: 80, valueGetter: (x) => x.data?.shippedQty ?? null }));
    if (s.kind === 'inbound' || (s.kind === 'reversal' && s.lines.some((l) => l.unitCostFen !== null)))
      c.push(moneyCol<SlipLine>({ field: 'unitCostFen', headerName: t('slip.unitCost'), width: 96 }));
    else c.push(moneyCol<SlipLine>({ field: 'priceFen', headerName: t('slip.price'), width: 96 }));
    c.push(moneyCol<SlipLine>({ colId: 'amount', headerName: t('slip.amount'), width: 110, valueGetter: (x) => (x.data ? x.data.amountFen * sign : null) }));
    if (posted && s.kind === 'dispatch' && session.can('stock.card'))
      c.push(moneyCol<SlipLine>({ field: 'costFen', headerName: t('slip.fifoCost'), width: 100 }));
    if (posted && s.kind === 'dispatch') c.push(qtyCol<SlipLine>({ field: 'returnableQty', headerName: t('ret.returnable'), width: 100 }));
    c.push({ field: 'memo', headerName: t('slip.memo'), flex: 1, minWidth: 80 });
    return c;
  }, [s, t, sign, session]);

  if (!s)
    return (
      <div className="screen-col">
        <Toolbar title={t('slip.view')} />
        <ErrorLine error={error} />
      </div>
    );

  const party = s.customerName ?? s.supplierName ?? '';
  const shippedDiffers = s.state === 'posted' && s.lines.some((l) => l.shippedQty !== null && l.shippedQty !== l.qty);
  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {kind(s.kind)} <span className="slip-no">{s.no}</span> <StateTag state={s.state} />
            {s.reversedBy ? <span className="red-tag">{t('slip.reversedTag')}</span> : null}
            {isDraft ? <SignatureBadges kind={s.kind} missing={s.missingSignatures} short /> : null}
          </>
        }
      >
        {canEdit ? (
          <Btn hotkey="F4" onClick={edit}>
            {t('slip.editDraft')}
          </Btn>
        ) : null}
        {canSign ? (
          <Btn variant="primary" hotkey="F6" onClick={() => setDialog('sign')}>
            {t('sign.button')}
          </Btn>
        ) : null}
        {canPick ? (
          <Btn variant="primary" hotkey="F9" onClick={pick}>
            {s.kind === 'inbound' ? t('inbound.post') : s.kind === 'return' ? t('pick.goReturn') : t('pick.go')}
          </Btn>
        ) : null}
        {canReturn ? (
          <Btn hotkey="F7" onClick={() => navigate(`/returns/from/${s.id}`)}>
            {t('ret.fromThis')}
          </Btn>
        ) : null}
        {canVoid ? (
          <Btn variant="danger" onClick={() => setDialog('void')}>
            {t('slip.void')}
          </Btn>
        ) : null}
        {canReverse ? (
          <Btn variant="danger" hotkey="F8" onClick={() => setDialog('reverse')}>
            {t('slip.reverse')}
          </Btn>
        ) : null}
        {s.state !== 'void' ? <PrintButtons target={{ doc: s.kind, slipId: s.id }} onPrinted={() => setPrinted((n) => n + 1)} /> : null}
      </Toolbar>
      {flash ? <Notice kind="ok">{flash}</Notice> : null}
      <ErrorLine error={error} />
      <dl className="slip-facts">
        <div>
          <dt>{t('slip.date')}</dt>
          <dd>{s.businessDate}</dd>
        </div>
        {party ? (
          <div>
            <dt>{s.supplierName ? t('inbound.supplier') : t('dispatch.customer')}</dt>
            <dd>{party}</dd>
          </div>
        ) : null}
        {s.deliveryNoteNo ? (
          <div>
            <dt>{t('inbound.deliveryNote')}</dt>
            <dd className="mono">{s.deliveryNoteNo}</dd>
          </div>
        ) : null}
        {s.paymentMode ? (
          <div>
            <dt>{s.kind === 'return' ? t('ret.refundMode') : t('dispatch.payment')}</dt>
            <dd>{pay(s.paymentMode)}</dd>
          </div>
        ) : null}
        {s.sourceSlipId ? (
          <div>
            <dt>{s.kind === 'reversal' ? t('slip.reverses') : t('slip.sourceNo')}</dt>
            <dd>
              <a className="mono" href={`#/slips/${s.sourceSlipId}`}>
                {s.sourceSlipNo}
              </a>
            </dd>
          </div>
        ) : null}
        {s.reversedBy ? (
          <div>
            <dt>{t('slip.reversedBy')}</dt>
            <dd>
              <a className="mono neg-amount" href={`#/slips/${s.reversedBy.id}`}>
                {s.reversedBy.no}
              </a>
            </dd>
          </div>
        ) : null}
        {s.reason ? (
          <div>
            <dt>{s.state === 'void' ? t('slip.voidReason') : t('slip.reason')}</dt>
            <dd>{s.reason}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('slip.createdBy')}</dt>
          <dd>
            {s.createdBy.name} · {formatDateTime(s.createdAt)}
          </dd>
        </div>
        {s.postedBy ? (
          <div>
            <dt>{t('slip.postedBy')}</dt>
            <dd>
              {s.postedBy.name} · {formatDateTime(s.postedAt)}
            </dd>
          </div>
        ) : null}
        {s.voidedAt ? (
          <div>
            <dt>{t('slip.voidedAt')}</dt>
            <dd>{formatDateTime(s.voidedAt)}</dd>
          </div>
        ) : null}
        {s.memo ? (
          <div>
            <dt>{t('slip.memo')}</dt>
            <dd>{s.memo}</dd>
          </div>
        ) : null}
      </dl>
      <div className="grid-fill">
        <Grid<SlipLine> rowData={s.lines} columnDefs={cols} getRowId={(x) => String(x.data.id)} />
      </div>
      <Totals qty={s.totalQty * sign} amountFen={s.totalAmountFen * sign} />
      {shippedDiffers ? (
        <Totals
          label={s.kind === 'return' ? t('ret.receivedTotals') : t('slip.shippedTotals')}
          qty={s.lines.reduce((n, l) => n + (l.shippedQty ?? l.qty), 0)}
          amountFen={s.lines.reduce((n, l) => n + (l.priceFen ?? l.unitCostFen ?? 0) * (l.shippedQty ?? l.qty), 0)}
        />
      ) : null}
      {s.requiredSignatures.length || s.signatures.length ? (
        <div className="sig-section">
          <div className="subhead">{t('sign.title2')}</div>
          <SignatureTable slip={s} />
        </div>
      ) : null}
      <PrintLog slipId={s.id} reload={printed} />
      <KeyHints
        items={[
          ...(canEdit ? ([['F4', t('slip.editDraft')]] as [string, string][]) : []),
          ...(canSign ? ([['F6', t('sign.button')]] as [string, string][]) : []),
          ...(canPick ? ([['F9', t('pick.go')]] as [string, string][]) : []),
          ...(canReturn ? ([['F7', t('ret.fromThis')]] as [string, string][]) : []),
          ...(canReverse ? ([['F8', t('slip.reverse')]] as [string, string][]) : []),
          ['Esc', t('keys.back')],
        ]}
      />
      {dialog === 'sign' ? (
        <SignDialog
          slip={s}
          onCancel={() => setDialog(null)}
          onSigned={(x) => {
            beep('ok');
            setDialog(null);
            setSlip(x);
            setFlashMsg(t('sign.done', { no: x.no }));
          }}
        />
      ) : null}
      {dialog === 'void' ? (
        <ReasonDialog
          title={t('slip.voidTitle', { no: s.no })}
          label={t('slip.voidReason')}
          confirmText={t('slip.void')}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void load();
          }}
          run={async (reason, requestId) => {
            const r = await call('slips.void', { slipId: s.id, reason }, { requestId });
            return r.ok ? null : r.error;
          }}
        />
      ) : null}
      {dialog === 'reverse' ? (
        <ReasonDialog
          title={t('slip.reverseTitle', { no: s.no })}
          label={t('slip.reverseReason')}
          confirmText={t('slip.reverse')}
          onCancel={() => setDialog(null)}
          onDone={() => setDialog(null)}
          run={async (reason, requestId) => {
            const r = await call('slips.reverse', { slipId: s.id, reason }, { requestId });
            if (!r.ok) return r.error;
            setFlash(t('slip.reversedFlash', { no: s.no, rev: r.value.reversal.no }));
            navigate(`/slips/${r.value.reversal.id}`);
            return null;
          }}
        >
          <p className="dialog-text">{t('slip.reverseText')}</p>
        </ReasonDialog>
      ) : null}
    </div>
  );
}
