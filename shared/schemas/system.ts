// The desk checking itself (system.*): every ledger invariant and the audit hash chain.

import { z } from 'zod';
import { Empty, method } from './common';

export const VerifyReport = z.object({
  ok: z.boolean(),
  checked: z.object({ items: z.number(), moves: z.number(), layers: z.number(), auditRows: z.number(), slips: z.number() }),
  problems: z.array(z.object({ check: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })),
  /** how far the audit chain is anchored (the latest close-of-day anchor that still holds), in both languages */
  anchors: z.object({
    checkedToSeq: z.number().nullable(),
    anchorDate: z.string().nullable(),
    unanchoredRows: z.number(),
    summary_zh: z.string(),
    summary_en: z.string(),
    notes: z.array(z.object({ zh: z.string(), en: z.string() })),
  }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const systemMethods = {
  'system.verify': method({
    input: Empty,
    output: VerifyReport,
    access: ['admin', 'manager'],
    write: false,
    doc: 'Check every ledger invariant and the audit hash chain.',
  }),
} as const;
