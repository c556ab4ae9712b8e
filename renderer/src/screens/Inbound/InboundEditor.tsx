// 进仓单: goods from HQ. Supplier (default HQ), HQ's delivery note number (随货同行联号), then
// scan: each scan adds the item or adds to its line (a case barcode adds its pack quantity).
// Keys: F2 new · F3 item search · F4 save draft · F7 first missing cost · F9 post (进仓) ·
// Ctrl+Delete remove line · Esc back. The layout is the slip editor shell's (slip/SlipEditorShell).

import { useEffect, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { Btn } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { lineCostMissing, type EditLine } from '../../slip/lines';
import { focusLines } from '../../slip/LinesGrid';
import { editHints } from '../../slip/SlipEditorParts';
import { SlipEditorShell } from '../../slip/SlipEditorShell';
import { useLineScanner } from '../../slip/useLineScanner';
import { useSlipDraft } from '../../slip/useSlipDraft';
import { InboundFields } from './InboundFields';
import { useInboundPost } from './useInboundPost';

export function InboundEditor({ slipId }: { slipId: number | null }) {
  const { t } = useI18n();
  const session = useSession();
  const draft = useSlipDraft('inbound', slipId);
  const grid = useRef<AgGridReact<EditLine>>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [voiding, setVoiding] = useState(false);
  const canEdit = session.canCreate('inbound');
  const canPost = session.can('slips.post');
  const post = useInboundPost(draft, grid, canPost);
  const scanner = useLineScanner('inbound', draft, grid, canEdit && !post.confirming && !voiding);

  useEffect(() => {
    if (slipId === null) setTimeout(() => noteRef.current?.focus(), 0);
  }, [slipId]);

  const missingCost = draft.lines.filter(lineCostMissing).length;

  const save = async () => {
    post.setError(null);
    const s = await draft.save();
    if (s) scanner.setMessage({ ok: true, text: t('slip.saved', { no: s.no }) });
  };

  return (
    <SlipEditorShell
      kind="inbound"
      draft={draft}
      grid={grid}
      canEdit={canEdit}
      canNew
      onSave={() => void save()}
      actions={
        canPost ? (
          <Btn variant="primary" hotkey="F9" onClick={() => void post.start()} disabled={draft.busy || post.posting || !draft.lines.length}>
            {t('inbound.post')}
          </Btn>
        ) : null
      }
      error={post.error ?? draft.error}
      fields={<InboundFields draft={draft} slipId={slipId} canEdit={canEdit} noteRef={noteRef} searchRef={searchRef} />}
      scan={{ message: scanner.message, waiting: scanner.waiting, prompt: t('inbound.scanPrompt'), always: true }}
      search={{ inputRef: searchRef, onPick: scanner.addFromSearch }}
      below={missingCost > 0 && draft.lines.length ? <div className="hint-warn">{t('inbound.missingCost', { n: missingCost })}</div> : null}
      hints={[...editHints(t, t('inbound.scanHint'), true), ...(canPost ? ([['F9', t('inbound.post')]] as [string, string][]) : [])]}
      keys={{
        // F7: to the first line still without a unit cost, else the lines
        F7: () => post.focusMissingCost() || focusLines(grid.current?.api),
        F9: () => void post.start(),
      }}
      voiding={voiding}
      setVoiding={setVoiding}
    >
      {scanner.dialog}
      {post.dialog}
    </SlipEditorShell>
  );
}
