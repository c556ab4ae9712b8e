// The month pack on the bench office (issue #14: built and rendered ≤ 3 s): what the month lacks
// (monthPack.status through the core: open days, counts, claims, refunds over the whole books),
// every registered part's data sealed into the canonical payload (SHA-256, Ed25519), and the pack
// laid out as it is handed to HQ — the PDF (cover + each part) and the workbook. The pack is not
// stored: the bench office has no closed days, so signing would be refused, and the timed part of
// the bench must not lock a month.

import type { Core } from '../../electron/core';
import { renderPackPdf, packWorkbook } from '../../electron/domains/monthPack/papers';
import { PARTS } from '../../electron/domains/monthPack/parts';
import { sealPack } from '../../electron/domains/monthPack/service';
import { nowMs } from './stats';

export interface MonthPackRun {
  ms: number;
  statusMs: number;
  sealMs: number;
  pdfMs: number;
  xlsxMs: number;
  pages: number;
  payloadBytes: number;
}

export async function monthPackOnce(core: Core, month: string, managerToken: string, now: Date): Promise<MonthPackRun> {
  const t0 = nowMs();
  const status = await core.call('monthPack.status', { month }, { sessionToken: managerToken });
  if (!status.ok) throw new Error(status.error.message_en);
  const t1 = nowMs();
  const signer = core.db.prepare("SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'manager' LIMIT 1").get() as {
    id: number;
    name: string;
  };
  const row = { ...sealPack({ db: core.db, now, nowIso: now.toISOString() }, month, signer), signer_name: signer.name };
  const t2 = nowMs();
  const pdf = await renderPackPdf(row, signer.name);
  const t3 = nowMs();
  packWorkbook(row);
  const t4 = nowMs();
  return { ms: t4 - t0, statusMs: t1 - t0, sealMs: t2 - t1, pdfMs: t3 - t2, xlsxMs: t4 - t3, pages: pdf.pages, payloadBytes: row.payload_json.length };
}

/** The parts the pack holds on this branch (the figure is re-measured as parts are added). */
export const packParts = () => PARTS.map((p) => p.key).join(', ');
