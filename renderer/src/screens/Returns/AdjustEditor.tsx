// 报损单 / 退回总部单: goods that leave without a sale. Lines by scan or item search (F3), each with
// what is on hand beside it (a write-off line also its cause, 其他 with a note); a return to HQ names
// HQ's delivery note and the inbound slip. The manager signs (F6, PIN); the keeper posts it out (F9):
// the cost is taken FIFO then. Keys: F2 new · F3 item search · F4 save · F6 sign · F9 post · Esc back.
// The layout is the slip editor shell's (slip/SlipEditorShell).

import { useEffect, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { AdjustmentKind, Slip } from '../../../../shared/contract';
import { Btn } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { EditLine } from '../../slip/lines';
import { SignatureSection } from '../../slip/parts';
import { isFullySigned, SigningDialog } from '../../slip/signing';
import { editHints } from '../../slip/SlipEditorParts';
import { SlipEditorShell } from '../../slip/SlipEditorShell';
import { useLineScanner } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';
import { useOnHand } from '../Dispatch/useOnHand';
import { HqReturnFields } from './HqReturnFields';
import { useAdjustPost } from './useAdjustPost';

export function AdjustEditor({ kind, slipId }: { kind: AdjustmentKind; slipId: number | null }) {
  const { t } = useI18n();
  const session = useSession();
  const draft = useSlipDraft(kind, slipId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [signing, setSigning] = useState<Slip | null>(null);
  const [voiding, setVoiding] = useState(false);
  const post = useAdjustPost(draft);
  const canEdit = session.canCreate(kind);
  const isKeeper = session.can('slips.post');
  const scanner = useLineScanner(kind, draft, grid, canEdit && !signing && !voiding && !post.confirming);
  const onHand = useOnHand(draft.lines);
  const s = draft.slip;
  const signed = isFullySigned(draft);

  useEffect(() => {
    if (slipId === null) setTimeout(() => searchRef.current?.focus(), 0);
  }, [slipId]);

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

  const actions = (
    <>
      <Btn
        variant={signed ? 'plain' : 'primary'}
        hotkey="F6"
        onClick={() => void startSign()}
        disabled={draft.busy || !draft.lines.length || (signed && !draft.dirty)}
      >
        {t('sign.button')}
      </Btn>
      {isKeeper ? (
        <Btn variant="primary" hotkey="F9" disabled={!signed} onClick={() => void post.start()}>
          {t('adj.post')}
        </Btn>
      ) : null}
    </>
  );

  return (
    <SlipEditorShell
      kind={kind}
      draft={draft}
      grid={grid}
      canEdit={canEdit}
      canNew={canEdit}
      onSave={() => void save()}
      actions={actions}
      error={post.error ?? draft.error}
      fields={kind === 'hqReturn' ? <HqReturnFields draft={draft} slipId={slipId} canEdit={canEdit} /> : null}
      scan={{ message: scanner.message, waiting: scanner.waiting, prompt: t('adj.scanPrompt') }}
      search={{ inputRef: searchRef, onPick: scanner.addFromSearch }}
      onHand={onHand}
      totalsLabel={t('adj.costAtPost')}
      below={s ? <SignatureSection slip={s} print={!draft.dirty} /> : null}
      hints={[
        ...(canEdit ? editHints(t, t('adj.scanHint'), true) : []),
        ['F6', t('sign.button')],
        ...(isKeeper ? ([['F9', t('adj.post')]] as [string, string][]) : []),
      ]}
      keys={{ F6: () => void startSign(), F9: () => isKeeper && signed && void post.start() }}
      voiding={voiding}
      setVoiding={setVoiding}
    >
      {scanner.dialog}
      {post.dialog}
      <SigningDialog slip={signing} draft={draft} onClose={() => setSigning(null)} say={scanner.setMessage} />
    </SlipEditorShell>
  );
}
