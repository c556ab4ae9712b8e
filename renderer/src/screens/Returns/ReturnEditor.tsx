// 退货单: goods a customer brings back against a posted dispatch. Choose the lines and quantities
// (≤ what can still be returned), the refund mode; the manager signs; the keeper scans the goods
// back in and posts. Keys: F4 save · F6 sign · F9 receive (keeper) · Esc back.
// A return without a dispatch (无原单退货, goods sold before go-live; /returns/pregolive) takes the
// customer and its lines by scan or item search (F3) as a dispatch does, each with the unit cost
// only the manager types (prefilled with the item's latest) and the refund price.
// The layout is the slip editor shell's (slip/SlipEditorShell).

import { useEffect, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Slip } from '../../../../shared/contract';
import { localError, useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import type { EditLine } from '../../slip/lines';
import { SignatureSection } from '../../slip/parts';
import { SigningDialog, signingHints, signingKeys, SignPickButtons } from '../../slip/signing';
import { editHints } from '../../slip/SlipEditorParts';
import { SlipEditorShell } from '../../slip/SlipEditorShell';
import { useLineScanner, type ScanMessage } from '../../slip/useLineScanner';
import { Notice } from '../../components/ui';
import { PreGoLiveFields } from './PreGoLiveFields';
import { ReturnFields } from './ReturnFields';
import { useLatestCosts } from './useLatestCosts';
import { useReturnDraft } from './useReturnDraft';
import { useReturnScanner } from './useReturnScanner';

export function ReturnEditor({ slipId, sourceId, preGoLive = false }: { slipId: number | null; sourceId?: number | null; preGoLive?: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const { draft, source, loadErr } = useReturnDraft(slipId, sourceId, preGoLive);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const payRef = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const canEdit = session.canCreate('return');
  const isKeeper = session.can('slips.post');
  const s = draft.slip;
  const pre = draft.header.preGoLive;
  const scanning = canEdit && !signing && !voiding;
  const { waiting } = useReturnScanner(draft, grid, setMessage, scanning && !pre);
  const byItem = useLineScanner('dispatch', draft, grid, scanning && pre); // the item's price as refund price
  useLatestCosts(draft, pre);
  const nothing = !draft.lines.some((l) => l.qty > 0);
  // the answer to the last scan belongs to its slip
  useEffect(() => setMessage(null), [draft.generation]);
  const say = (m: ScanMessage | null) => (pre ? byItem.setMessage(m) : setMessage(m));
  // a new return without a dispatch starts at its customer
  useEffect(() => {
    if (slipId === null && preGoLive) setTimeout(() => customerRef.current?.focus(), 0);
  }, [slipId, preGoLive]);

  const save = async () => {
    if (nothing) {
      beep('error');
      say({ ok: false, text: t('ret.nothing') });
      return;
    }
    const x = await draft.save();
    if (x) say({ ok: true, text: t('slip.saved', { no: x.no }) });
  };
  const startSign = async () => {
    if (nothing) return say({ ok: false, text: t('ret.nothing') });
    if (pre && !draft.header.customerId) {
      customerRef.current?.focus();
      return draft.setError(localError('oldret.needCustomer', {}, 'slip_field_required'));
    }
    const x = await draft.ensureSaved();
    if (x && x.missingSignatures.length) setSigning(x);
  };

  return (
    <SlipEditorShell
      kind="return"
      draft={draft}
      grid={grid}
      canEdit={canEdit}
      canNew={false}
      onSave={() => void save()}
      actions={<SignPickButtons draft={draft} isKeeper={isKeeper} pickLabel={t('pick.goReturn')} onSign={() => void startSign()} />}
      error={draft.error}
      loadError={loadErr}
      fields={
        pre ? (
          <PreGoLiveFields draft={draft} canEdit={canEdit} customerRef={customerRef} payRef={payRef} />
        ) : (
          <ReturnFields draft={draft} source={source} canEdit={canEdit} />
        )
      }
      memoLabel={t('ret.reasonMemo')}
      scan={pre ? { message: byItem.message, waiting: byItem.waiting, prompt: t('oldret.scanPrompt') } : { message, waiting, prompt: t('ret.scanPrompt') }}
      search={pre && canEdit ? { inputRef: searchRef, onPick: byItem.addFromSearch } : undefined}
      costEditable={pre && session.has('manager')}
      totalsLabel={t('ret.totals')}
      below={
        <>
          {pre ? <Notice kind="info">{t('oldret.costByManager')}</Notice> : null}
          {s ? <SignatureSection slip={s} print={!draft.dirty} /> : null}
        </>
      }
      hints={[...(canEdit ? editHints(t, pre ? t('oldret.scanHint') : t('ret.scanHint'), pre) : []), ...signingHints(t, isKeeper, t('pick.goReturn'))]}
      keys={signingKeys(draft, isKeeper, startSign)}
      voiding={voiding}
      setVoiding={setVoiding}
    >
      {pre ? byItem.dialog : null}
      <SigningDialog slip={signing} draft={draft} onClose={() => setSigning(null)} say={say} />
    </SlipEditorShell>
  );
}
