// 退货单: goods a customer brings back against a posted dispatch. Choose the lines and quantities
// (≤ what can still be returned), the refund mode; the manager signs; the keeper scans the goods
// back in and posts. Keys: F4 save · F6 sign · F9 receive (keeper) · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { PAYMENT_MODES, type PaymentMode, type Slip } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ReasonDialog, SignDialog } from '../../components/dialogs';
import { Btn, ErrorLine, Field, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useScanQueue } from '../../scan';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { erroredItemCodes, localKey, totals, type EditLine } from '../../slip/lines';
import { flashRow, focusLines, LinesGrid, settleEditingForScan } from '../../slip/LinesGrid';
import { ScanPanel, SignatureBadges, SignatureTable, Totals } from '../../slip/parts';
import type { ScanMessage } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';

/** Every returnable line of the dispatch, with this return's quantity (0 when not coming back). */
function returnLines(source: Slip, current: EditLine[]): EditLine[] {
  return source.lines
    .filter((l) => (l.returnableQty ?? 0) > 0 || current.some((c) => c.sourceLineId === l.id))
    .map((l) => {
      const mine = current.find((c) => c.sourceLineId === l.id);
      return {
        key: mine?.key ?? localKey(),
        itemId: l.itemId,
        itemCode: l.itemCode,
        itemName: l.itemName,
        spec: l.spec,
        unit: l.unit,
        qty: mine?.qty ?? 0,
        unitCostFen: null,
        priceFen: l.priceFen,
        sourceLineId: l.id,
        memo: mine?.memo ?? '',
        returnableQty: l.returnableQty ?? 0,
        shippedQty: l.shippedQty ?? l.qty,
      };
    });
}

export function ReturnEditor({ slipId, sourceId }: { slipId: number | null; sourceId?: number | null }) {
  const { t, pay } = useI18n();
  const session = useSession();
  const sourceRef = useRef<Slip | null>(null);
  const [source, setSource] = useState<Slip | null>(null);
  const [loadErr, setLoadErr] = useState<DeskErr | null>(null);
  const loadSource = async (id: number): Promise<Slip | null> => {
    if (sourceRef.current?.id === id) return sourceRef.current;
    const r = await call('slips.get', { slipId: id });
    if (!r.ok) {
      setLoadErr(r.error);
      return null;
    }
    sourceRef.current = r.value;
    setSource(r.value);
    return r.value;
  };
  const draft = useSlipDraft('return', slipId, {
    decorate: async (lines, s) => {
      const src = s.sourceSlipId ? await loadSource(s.sourceSlipId) : null;
      return src ? returnLines(src, lines) : lines;
    },
  });
  const grid = useRef<AgGridReact<EditLine>>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const canEdit = session.canCreate('return');
  const isKeeper = session.can('slips.post');
  const s = draft.slip;

  // a new return: start from the dispatch
  useEffect(() => {
    if (slipId !== null || !sourceId) return;
    void loadSource(sourceId).then((src) => {
      if (!src) return;
      if (src.kind !== 'dispatch' || src.state !== 'posted') {
        navigate(`/slips/${src.id}`, { force: true, replace: true });
        return;
      }
      draft.setHeader({ sourceSlipId: src.id, customerId: src.customerId, customerName: src.customerName, paymentMode: src.paymentMode }, { silent: true });
      draft.setLines(() => returnLines(src, []));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slipId, sourceId]);

  const lines = draft.lines;
  const sum = useMemo(() => totals(lines), [lines]);
  const errored = useMemo(() => erroredItemCodes(draft.error?.details), [draft.error]);
  const fullySigned = !!s && s.missingSignatures.length === 0 && !draft.dirty;

  // a scan adds one to the line of that item (up to what can be returned)
  const { waiting } = useScanQueue(
    async (code) => {
      settleEditingForScan(grid.current?.api);
      const r = await call('items.findByBarcode', { code });
      if (!r.ok) {
        beep('error');
        setMessage({ ok: false, text: t('pick.unknownCode', { code }) });
        return;
      }
      const { item, packQty } = r.value;
      const lines = draft.getLines();
      const i = lines.findIndex((l) => l.itemId === item.id && l.qty + packQty <= (l.returnableQty ?? 0));
      if (i < 0) {
        beep('error');
        const onSlip = lines.some((l) => l.itemId === item.id);
        setMessage({ ok: false, text: onSlip ? t('ret.scanOver', { name: `${item.code} ${item.name}` }) : t('ret.scanNotOnDispatch', { name: `${item.code} ${item.name}` }) });
        return;
      }
      draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, qty: l.qty + packQty } : l)));
      beep('ok');
      setMessage({ ok: true, text: t('ret.scanAdded', { name: `${item.code} ${item.name}`, n: packQty }) });
      setTimeout(() => flashRow(grid.current?.api, i), 50);
    },
    { enabled: canEdit && !signing && !voiding },
  );

  const save = async () => {
    if (!lines.some((l) => l.qty > 0)) {
      beep('error');
      setMessage({ ok: false, text: t('ret.nothing') });
      return;
    }
    const x = await draft.save();
    if (x) setMessage({ ok: true, text: t('slip.saved', { no: x.no }) });
  };
  const startSign = async () => {
    if (!lines.some((l) => l.qty > 0)) return setMessage({ ok: false, text: t('ret.nothing') });
    const x = await draft.ensureSaved();
    if (x && x.missingSignatures.length) setSigning(x);
  };

  useHotkeys({
    F7: () => focusLines(grid.current?.api),
    F4: () => canEdit && void save(),
    'Ctrl+S': () => canEdit && void save(),
    F6: () => void startSign(),
    F9: () => fullySigned && isKeeper && navigate(`/pick/${s!.id}`),
    Escape: () => navigate('/returns'),
  });

  const src = source;
  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {t('kind.return')} <span className="slip-no">{s?.no ?? t('slip.newNo')}</span> <StateTag state={s?.state ?? 'draft'} />
            <SignatureBadges kind="return" missing={s?.missingSignatures ?? ['manager']} short />
            {draft.dirty ? <span className="dirty-dot">{t('slip.unsaved')}</span> : null}
          </>
        }
      >
        {canEdit ? (
          <Btn hotkey="F4" onClick={() => void save()} disabled={draft.busy}>
            {t('slip.saveDraft')}
          </Btn>
        ) : null}
        <Btn variant={fullySigned ? 'plain' : 'primary'} hotkey="F6" onClick={() => void startSign()} disabled={draft.busy || (!!s && !s.missingSignatures.length && !draft.dirty)}>
          {t('sign.button')}
        </Btn>
        {isKeeper ? (
          <Btn variant="primary" hotkey="F9" disabled={!fullySigned} onClick={() => navigate(`/pick/${s!.id}`)}>
            {t('pick.goReturn')}
          </Btn>
        ) : null}
        {s && canEdit ? (
          <Btn variant="danger" onClick={() => setVoiding(true)}>
            {t('slip.void')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={loadErr ?? draft.error} />
      {s && s.signatures.length && draft.dirty ? <Notice kind="warn">{t('sign.willDrop')}</Notice> : null}
      <div className="slip-header">
        <Field label={t('slip.sourceNo')}>
          <a className="input as-link mono" href={src ? `#/slips/${src.id}` : undefined}>
            {src?.no ?? '…'}
          </a>
        </Field>
        <Field label={t('dispatch.customer')} wide>
          <input className="input" disabled value={src?.customerName ?? draft.header.customerName ?? ''} />
        </Field>
        <Field label={t('ret.refundMode')}>
          <select
            className="input"
            value={draft.header.paymentMode ?? ''}
            disabled={!canEdit}
            onChange={(e) => draft.setHeader({ paymentMode: (e.target.value || null) as PaymentMode | null })}
          >
            <option value="">{t('dispatch.choosePayment')}</option>
            {PAYMENT_MODES.map((m) => (
              <option key={m} value={m}>
                {pay(m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ret.reasonMemo')} wide>
          <input className="input" value={draft.header.memo} disabled={!canEdit} maxLength={200} onChange={(e) => draft.setHeader({ memo: e.target.value })} />
        </Field>
      </div>
      {canEdit ? <ScanPanel message={message} waiting={waiting} prompt={t('ret.scanPrompt')} /> : null}
      <div className="grid-fill">
        <LinesGrid
          ref={grid}
          kind="return"
          lines={lines}
          editable={canEdit}
          erroredCodes={errored}
          onEdit={(i, patch) => draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))}
          onInvalid={(m) => {
            beep('error');
            setMessage({ ok: false, text: m });
          }}
        />
      </div>
      <Totals qty={sum.qty} amountFen={sum.amountFen} label={t('ret.totals')} />
      {s ? (
        <div className="sig-section">
          <div className="subhead">{t('sign.title2')}</div>
          <SignatureTable slip={s} />
        </div>
      ) : null}
      <KeyHints
        items={[
          ...(canEdit
            ? ([
                [t('keys.scan'), t('ret.scanHint')],
                ['F7', t('keys.toLines')],
          ['Enter', t('keys.editCell')],
                ['F4', t('slip.saveDraft')],
              ] as [string, string][])
            : []),
          ['F6', t('sign.button')],
          ...(isKeeper ? ([['F9', t('pick.goReturn')]] as [string, string][]) : []),
          ['Esc', t('keys.back')],
        ]}
      />
      {signing ? (
        <SignDialog
          slip={signing}
          onCancel={() => setSigning(null)}
          onSigned={(x) => {
            setSigning(null);
            beep('ok');
            draft.replaceSlip(x);
            setMessage({ ok: true, text: t('sign.done', { no: x.no }) });
          }}
        />
      ) : null}
      {voiding && s ? (
        <ReasonDialog
          title={t('slip.voidTitle', { no: s.no })}
          label={t('slip.voidReason')}
          confirmText={t('slip.void')}
          onCancel={() => setVoiding(false)}
          onDone={() => {
            setVoiding(false);
            navigate(`/slips/${s.id}`, { force: true });
          }}
          run={async (reason, requestId) => {
            const r = await call('slips.void', { slipId: s.id, reason }, { requestId });
            return r.ok ? null : r.error;
          }}
        />
      ) : null}
    </div>
  );
}
