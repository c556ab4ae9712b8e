// 打印 of a logged document (a slip, a stock card), honest about what came out: the paper is
// logged as a preview (documents.recordPreview, with the 补打 number its print will have) and
// rendered from that entry; it is logged as printed (documents.confirmPrint) only when it was:
// in Electron once the OS print job is sent (shell/paper.ts answers printed), in a browser when the
// user says so (已打印) after printing from the PDF tab, since a page cannot know whether the
// browser's own print of a PDF tab happened.

import type { Input, Output } from '../../../shared/contract';
import { callOrThrow, newRequestId, printPdf } from '../api';
import type { I18n } from '../i18n';
import type { DocTarget } from './PrintButtons';

type PrintRecord = Output<'documents.confirmPrint'>;

export interface PrintOutcome {
  /** the preview the paper was rendered from */
  preview: PrintRecord;
  /** the print, once logged (null: cancelled in the print dialog, or a browser waiting for 已打印) */
  printed: PrintRecord | null;
}

/** How a document's PDF is made: documents.render, or in the background for a long one (useRenderJob). */
export type RenderDoc = (input: Input<'documents.render'>) => Promise<Output<'documents.render'>>;

export const renderAtOnce: RenderDoc = (input) => callOrThrow('documents.render', input);

export async function printLogged(target: DocTarget, isCard: boolean, tab: Window | null, render: RenderDoc = renderAtOnce): Promise<PrintOutcome> {
  const preview = await callOrThrow('documents.recordPreview', target, { requestId: newRequestId() });
  const doc = await render({ ...target, printId: preview.id });
  const r = await printPdf(doc, isCard, tab);
  if (r.error) throw r.error;
  if (!r.printed) return { preview, printed: null };
  return { preview, printed: await confirmPrinted(preview.id) };
}

/** The paper of a preview came out: log the print. */
export function confirmPrinted(printId: number): Promise<PrintRecord> {
  return callOrThrow('documents.confirmPrint', { printId }, { requestId: newRequestId() });
}

/** 已送打印 (第 2 次, 补打): 第一联 … */
export function printedText(t: I18n['t'], rec: PrintRecord): string {
  const copies = rec.copies.join('、') || t('print.stockCard');
  return rec.printNo > 1 ? t('print.doneReprint', { n: rec.printNo, copies }) : t('print.done', { copies });
}
