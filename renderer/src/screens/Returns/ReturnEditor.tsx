// 退货单: goods a customer brings back against a posted dispatch. Choose the lines and quantities
// (≤ what can still be returned), the refund mode; the manager signs; the keeper scans the goods
// back in and posts. Keys: F4 save · F6 sign · F9 receive (keeper) · Esc back.
// The layout is the slip editor shell's (slip/SlipEditorShell).

import { useEffect, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Slip } from '../../../../shared/contract';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import type { EditLine } from '../../slip/lines';
import { SignatureSection } from '../../slip/parts';
import { SigningDialog, signingHints, signingKeys, SignPickButtons } from '../../slip/signing';
import { editHints } from '../../slip/SlipEditorParts';
import { SlipEditorShell } from '../../slip/SlipEditorShell';
import type { ScanMessage } from '../../slip/useLineScanner';
import { ReturnFields } from './ReturnFields';
import { useReturnDraft } from './useReturnDraft';
import { useReturnScanner } from './useReturnScanner';

export function ReturnEditor({ slipId, sourceId }: { slipId: number | null; sourceId?: number | null }) {
  const { t } = useI18n();
  const session = useSession();
  const { draft, source, loadErr } = useReturnDraft(slipId, sourceId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const canEdit = session.canCreate('return');
  const isKeeper = session.can('slips.post');
  const s = draft.slip;
  const { waiting } = useReturnScanner(draft, grid, setMessage, canEdit && !signing && !voiding);
  const nothing = !draft.lines.some((l) => l.qty > 0);
  // the answer to the last scan belongs to its slip
  useEffect(() => setMessage(null), [draft.generation]);

  const save = async () => {
    if (nothing) {
      beep('error');
      setMessage({ ok: false, text: t('ret.nothing') });
      return;
    }
    const x = await draft.save();
    if (x) setMessage({ ok: true, text: t('slip.saved', { no: x.no }) });
  };
  const startSign = async () => {
    if (nothing) return setMessage({ ok: false, text: t('ret.nothing') });
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
      fields={<ReturnFields draft={draft} source={source} canEdit={canEdit} />}
      memoLabel={t('ret.reasonMemo')}
      scan={{ message, waiting, prompt: t('ret.scanPrompt') }}
      totalsLabel={t('ret.totals')}
      below={s ? <SignatureSection slip={s} print={!draft.dirty} /> : null}
      hints={[...(canEdit ? editHints(t, t('ret.scanHint'), false) : []), ...signingHints(t, isKeeper, t('pick.goReturn'))]}
      keys={signingKeys(draft, isKeeper, startSign)}
      voiding={voiding}
      setVoiding={setVoiding}
    >
      <SigningDialog slip={signing} draft={draft} onClose={() => setSigning(null)} say={setMessage} />
    </SlipEditorShell>
  );
}
