// 预览 / 打印 / 下载 PDF for one document: a slip (dispatch, inbound, return, reversal) or an item's
// stock card for a period. 打印 logs a preview first (which copies, the how-many-th print; 2nd and
// later carry 补打), renders its paper, and logs the print once it is printed (printFlow.ts);
// 预览 renders without logging. Electron: the OS print dialog; browser: the PDF in a new tab (its
// print), then 已打印.
// The same keys wherever a document prints: F8 打印, Shift+F8 预览, Ctrl+F8 PDF.

import { useState } from 'react';
import { docRoles, type Input } from '../../../shared/contract';
import { call, printPdf, savePdf, showPdf, type DeskErr } from '../api';
import { ConfirmPrinted } from './ConfirmPrinted';
import { printLogged, printedText, renderAtOnce, type RenderDoc } from './printFlow';
import { useRenderJob } from './useRenderJob';
import { Btn, ErrorLine, Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useHotkeys } from '../hooks/hotkeys';

/** The print keys, the same on every screen that prints a document. */
export const PRINT_KEYS = { print: 'F8', preview: 'Shift+F8', save: 'Ctrl+F8' } as const;

export type DocTarget = Omit<Input<'documents.render'>, 'printId'>;

/** In a browser the tab must open in the click itself (pop-up blockers); it is filled once the PDF is ready. */
function pendingTab(): Window | null {
  if (window.desk) return null;
  const w = window.open('', '_blank');
  try {
    if (w) w.document.title = '…';
  } catch {
    /* ignore */
  }
  return w;
}

/** unlogged: a finance paper (现金盘点表, 客户对账单) has no print log: 打印 prints the preview. */
export function PrintButtons({ target, onPrinted, disabled, unlogged }: { target: DocTarget; onPrinted?: () => void; disabled?: boolean; unlogged?: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState<'preview' | 'print' | 'save' | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [awaiting, setAwaiting] = useState<number | null>(null);
  // a stock card may run to hundreds of pages: rendered in the background, with progress and 取消
  const long = useRenderJob(t('print.stockCard'));
  // only who may have this document sees its buttons (the core refuses the others: docRoles)
  const allowed = session.can('documents.render') && docRoles(target.doc).some((r) => session.has(r));
  const isCard = target.doc === 'stockCard';
  const render: RenderDoc = isCard ? long.render : renderAtOnce;

  const run = async (what: 'preview' | 'print' | 'save') => {
    if (busy || disabled) return;
    const tab = what === 'save' ? null : pendingTab();
    setBusy(what);
    setError(null);
    setDone(null);
    setAwaiting(null);
    try {
      if (what === 'print' && unlogged) {
        const doc = await call('documents.render', target);
        if (!doc.ok) throw doc.error;
        const r = await printPdf(doc.value, false, tab);
        if (r.error) throw r.error;
        setDone(window.desk ? t('print.sent') : `${t('print.sent')} · ${t('print.inTab')}`);
      } else if (what === 'print') {
        // logged as a preview; as printed once the job is sent (Electron) or the user says so (a browser)
        const r = await printLogged(target, isCard, tab, render);
        onPrinted?.();
        if (r.printed) setDone(printedText(t, r.printed));
        else if (window.desk) setDone(t('msg.notPrinted'));
        else setAwaiting(r.preview.id);
      } else {
        const doc = await render(target);
        const e = what === 'save' ? await savePdf(doc) : await showPdf(doc, isCard, tab);
        if (e) throw e;
      }
    } catch (e) {
      tab?.close();
      setError(e as DeskErr);
    } finally {
      setBusy(null);
    }
  };

  useHotkeys(
    { [PRINT_KEYS.print]: () => void run('print'), [PRINT_KEYS.preview]: () => void run('preview'), [PRINT_KEYS.save]: () => void run('save') },
    { enabled: allowed },
  );
  if (!allowed) return null;

  return (
    <span className="print-buttons">
      <Btn onClick={() => void run('preview')} disabled={disabled || !!busy} data-testid="doc-preview" hotkey={PRINT_KEYS.preview}>
        {busy === 'preview' ? t('print.working') : t('print.preview')}
      </Btn>
      <Btn variant="primary" onClick={() => void run('print')} disabled={disabled || !!busy} data-testid="doc-print" hotkey={PRINT_KEYS.print}>
        {busy === 'print' ? t('print.working') : t('print.print')}
      </Btn>
      <Btn onClick={() => void run('save')} disabled={disabled || !!busy} data-testid="doc-save" hotkey={PRINT_KEYS.save}>
        {t('print.save')}
      </Btn>
      {error || done ? <span className="print-status">{error ? <ErrorLine error={error} /> : <Notice kind="ok">{done}</Notice>}</span> : null}
      {long.dialog}
      {awaiting !== null ? (
        <ConfirmPrinted
          printId={awaiting}
          onPrinted={(m) => {
            setAwaiting(null);
            setDone(m);
            onPrinted?.();
          }}
        />
      ) : null}
    </span>
  );
}
