// The desk checking itself (system.*): every ledger invariant and the audit hash chain.

import { z } from 'zod';
import { Empty, method } from './common';

export const VerifyReport = z.object({
  ok: z.boolean(),
  checked: z.object({ items: z.number(), moves: z.number(), layers: z.number(), auditRows: z.number(), slips: z.number() }),
  problems: z.array(z.object({ check: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })),
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
