// 发货单: a customer's order. Customer (pinyin search), lines by scan or item search with the
// item's price, payment mode; then the manager and the finance supervisor sign (PIN), and the
// keeper picks against it. Keys: F2 new · F3 item search · F4 save · F6 sign · F9 pick (keeper) · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { PAYMENT_MODES, type Customer, type PaymentMode, type Slip } from '../../../../shared/contract';
import { call } from '../../api';
import { ReasonDialog, SignDialog } from '../../components/dialogs';
import { CustomerPicker, ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, Field, KeyHints, Notice, StateTag, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { erroredItemCodes, removeLine, totals, type EditLine } from '../../slip/lines';
import { focusLines, LinesGrid } from '../../slip/LinesGrid';
import { ScanPanel, SignatureBadges, SignatureTable, Totals } from '../../slip/parts';
import { useLineScanner } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';

/** A customer as far as a slip knows it (id and name), for the picker's display. */
export function customerStub(id: number | null, name: string | null): Customer | null {
  if (id === null) return null;
  return { id, code: '', name: name ?? '', kind: '', contact: '', phone: '', address: '', creditLimitFen: 0, pinyin: '', active: true };
}

export function DispatchEditor({ slipId }: { slipId: number | null }) {
  const { t, pay } = useI18n();
  const session = useSession();
  const draft = useSlipDraft('dispatch', slipId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const payRef = useRef<HTMLSelectElement>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [inlineMsg, setInlineMsg] = useState<string | null>(null);
  const [onHand, setOnHand] = useState<Map<number, number> | undefined>(undefined);
  const canEdit = session.canCreate('dispatch');
  const isKeeper = session.can('slips.post');
  const scanner = useLineScanner('dispatch', draft, grid, canEdit && !signing && !voiding);
  const s = draft.slip;

  useEffect(() => {
    if (slipId === null) setTimeout(() => customerRef.current?.focus(), 0);
  }, [slipId]);

  const itemIds = useMemo(() => [...new Set(draft.lines.map((l) => l.itemId))].sort().join(','), [draft.lines]);
  useEffect(() => {
    if (!session.can('stock.onHand') || !itemIds) return;
    void call('stock.onHand', { itemIds: itemIds.split(',').map(Number) }).then(
      (r) => r.ok && setOnHand(new Map(r.value.rows.map((x) => [x.itemId, x.qty]))),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemIds]);

  const sum = useMemo(() => totals(draft.lines), [draft.lines]);
  const errored = useMemo(() => erroredItemCodes(draft.error?.details), [draft.error]);
  const missing = s?.missingSignatures ?? ['manager', 'finance'];
  const fullySigned = !!s && s.missingSignatures.length === 0 && !draft.dirty;
  const hasSignatures = !!s && s.signatures.length > 0;

  const save = async () => {
    const saved = await draft.save();
    if (saved) scanner.setMessage({ ok: true, text: t('slip.saved', { no: saved.no }) });
  };

  const startSign = async () => {
    const saved = await draft.ensureSaved();
    if (!saved) return;
    if (!saved.missingSignatures.length) return scanner.setMessage({ ok: true, text: t('sign.allDone') });
    setSigning(saved);
  };

  const removeFocused = () => {
    const cell = grid.current?.api.getFocusedCell();
    if (!cell || !canEdit) return;
    draft.setLines((ls) => removeLine(ls, cell.rowIndex));
  };

  useHotkeys({
    F7: () => focusLines(grid.current?.api),
    F2: () => canEdit && navigate('/dispatch/new'),
    F3: () => searchRef.current?.focus(),
    F4: () => canEdit && void save(),
    'Ctrl+S': () => canEdit && void save(),
    F6: () => void startSign(),
    F9: () => fullySigned && isKeeper && navigate(`/pick/${s!.id}`),
    'Ctrl+Delete': removeFocused,
    Escape: () => navigate('/dispatch'),
  });

  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {t('kind.dispatch')} <span className="slip-no">{s?.no ?? t('slip.newNo')}</span> <StateTag state={s?.state ?? 'draft'} />
            <SignatureBadges kind="dispatch" missing={missing} short />
            {draft.dirty ? <span className="dirty-dot">{t('slip.unsaved')}</span> : null}
          </>
        }
      >
        {canEdit ? (
          <Btn hotkey="F4" onClick={() => void save()} disabled={draft.busy}>
            {t('slip.saveDraft')}
          </Btn>
        ) : null}
        <Btn variant={fullySigned ? 'plain' : 'primary'} hotkey="F6" onClick={() => void startSign()} disabled={draft.busy || !draft.lines.length || (!!s && !s.missingSignatures.length && !draft.dirty)}>
          {t('sign.button')}
        </Btn>
        {isKeeper ? (
          <Btn variant="primary" hotkey="F9" disabled={!fullySigned} onClick={() => navigate(`/pick/${s!.id}`)}>
            {t('pick.go')}
          </Btn>
        ) : null}
        {s && canEdit ? (
          <Btn variant="danger" onClick={() => setVoiding(true)}>
            {t('slip.void')}
          </Btn>
        ) : null}
        {canEdit ? (
          <Btn hotkey="F2" onClick={() => navigate('/dispatch/new')}>
            {t('slip.new')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={draft.error} />
      {inlineMsg ? <Notice kind="warn">{inlineMsg}</Notice> : null}
      {hasSignatures && draft.dirty ? <Notice kind="warn">{t('sign.willDrop')}</Notice> : null}
      <div className="slip-header">
        <Field label={t('dispatch.customer')} wide>
          {canEdit ? (
            <CustomerPicker
              inputRef={customerRef}
              value={customerStub(draft.header.customerId, draft.header.customerName)}
              onPick={(c) => {
                draft.setHeader({ customerId: c.id, customerName: c.name });
                setTimeout(() => payRef.current?.focus(), 0);
              }}
            />
          ) : (
            <input className="input" disabled value={draft.header.customerName ?? ''} />
          )}
        </Field>
        <Field label={t('dispatch.payment')}>
          <select
            ref={payRef}
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
        <Field label={t('slip.memo')} wide>
          <input className="input" value={draft.header.memo} disabled={!canEdit} maxLength={200} onChange={(e) => draft.setHeader({ memo: e.target.value })} />
        </Field>
      </div>
      {canEdit ? (
        <>
          <ScanPanel message={scanner.message} waiting={scanner.waiting} prompt={t('dispatch.scanPrompt')} />
          <div className="add-line">
            <span className="add-line-label">{t('slip.addBySearch')}</span>
            <ItemPicker clearOnPick inputRef={searchRef} onPick={scanner.addFromSearch} />
          </div>
        </>
      ) : null}
      <div className="grid-fill">
        <LinesGrid
          ref={grid}
          kind="dispatch"
          lines={draft.lines}
          editable={canEdit}
          erroredCodes={errored}
          onHand={onHand}
          onEdit={(i, patch) => {
            setInlineMsg(null);
            draft.setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
          }}
          onInvalid={(m) => {
            beep('error');
            setInlineMsg(m);
          }}
        />
      </div>
      <Totals qty={sum.qty} amountFen={sum.amountFen} />
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
                [t('keys.scan'), t('dispatch.scanHint')],
                ['F3', t('slip.addBySearch')],
                ['F7', t('keys.toLines')],
          ['Enter', t('keys.editCell')],
                ['Ctrl+Delete', t('keys.removeLine')],
                ['F4', t('slip.saveDraft')],
              ] as [string, string][])
            : []),
          ['F6', t('sign.button')],
          ...(isKeeper ? ([['F9', t('pick.go')]] as [string, string][]) : []),
          ['Esc', t('keys.back')],
        ]}
      />
      {scanner.dialog}
      {signing ? (
        <SignDialog
          slip={signing}
          onCancel={() => setSigning(null)}
          onSigned={(x) => {
            setSigning(null);
            beep('ok');
            draft.replaceSlip(x);
            scanner.setMessage({ ok: true, text: t('sign.done', { no: x.no }) });
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
