// 发货单: a customer's order. Customer (pinyin search), lines by scan or item search with the
// item's price, payment mode; then the manager and the finance supervisor sign (PIN), and the
// keeper picks against it. Keys: F2 new · F3 item search · F4 save · F6 sign · F9 pick (keeper) · Esc back.
// The layout is the slip editor shell's (slip/SlipEditorShell).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Slip } from '../../../../shared/contract';
import { localError, useI18n } from '../../i18n';
import { overOnHand } from '../../slip/lineMessages';
import { useSession } from '../../session';
import type { EditLine } from '../../slip/lines';
import { SignatureSection } from '../../slip/parts';
import { SigningDialog, signingHints, signingKeys, SignPickButtons } from '../../slip/signing';
import { editHints } from '../../slip/SlipEditorParts';
import { SlipEditorShell } from '../../slip/SlipEditorShell';
import { useLineScanner } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';
import { DispatchFields } from './DispatchFields';
import { useOnHand } from './useOnHand';

/** The error code of a sign started without the payment chosen (said here, before the PIN). */
const PAYMENT_MISSING = 'slip_field_required';

export function DispatchEditor({ slipId }: { slipId: number | null }) {
  const { t } = useI18n();
  const session = useSession();
  const draft = useSlipDraft('dispatch', slipId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const payRef = useRef<HTMLSelectElement>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const canEdit = session.canCreate('dispatch');
  const isKeeper = session.can('slips.post');
  const scanner = useLineScanner('dispatch', draft, grid, canEdit && !signing && !voiding);
  const onHand = useOnHand(draft.lines);
  const over = useMemo(() => overOnHand(draft.lines, onHand), [draft.lines, onHand]);
  const s = draft.slip;
  const noPayment = !draft.header.paymentMode;

  useEffect(() => {
    if (slipId === null) setTimeout(() => customerRef.current?.focus(), 0);
  }, [slipId]);

  const save = async () => {
    const saved = await draft.save();
    if (saved) scanner.setMessage({ ok: true, text: t('slip.saved', { no: saved.no }) });
  };

  // the payment is said missing once chosen no more
  useEffect(() => {
    if (!noPayment && draft.error?.code === PAYMENT_MISSING) draft.setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [noPayment]);

  const startSign = async () => {
    // a slip without its 结算方式 cannot be signed: say so before anyone types a PIN
    if (noPayment) {
      draft.setError(localError('msg.needPayment', {}, PAYMENT_MISSING));
      payRef.current?.focus();
      return;
    }
    const saved = await draft.ensureSaved();
    if (!saved) return;
    if (!saved.missingSignatures.length) return scanner.setMessage({ ok: true, text: t('sign.allDone') });
    setSigning(saved);
  };

  return (
    <SlipEditorShell
      kind="dispatch"
      draft={draft}
      grid={grid}
      canEdit={canEdit}
      canNew={canEdit}
      onSave={() => void save()}
      actions={<SignPickButtons draft={draft} isKeeper={isKeeper} pickLabel={t('pick.go')} needsLines onSign={() => void startSign()} />}
      error={draft.error}
      fields={<DispatchFields draft={draft} canEdit={canEdit} customerRef={customerRef} payRef={payRef} collectable />}
      scan={{ message: scanner.message, waiting: scanner.waiting, prompt: t('dispatch.scanPrompt') }}
      search={{ inputRef: searchRef, onPick: scanner.addFromSearch }}
      onHand={onHand}
      below={s ? <SignatureSection slip={s} print={!draft.dirty} /> : null}
      hints={[...(canEdit ? editHints(t, t('dispatch.scanHint'), true) : []), ...signingHints(t, isKeeper, t('pick.go'))]}
      keys={signingKeys(draft, isKeeper, startSign)}
      voiding={voiding}
      setVoiding={setVoiding}
    >
      {scanner.dialog}
      <SigningDialog slip={signing} draft={draft} over={over} onClose={() => setSigning(null)} say={scanner.setMessage} />
    </SlipEditorShell>
  );
}
