// The read log (reads.*, 保密制度): who read the customer list or a customer's statement, ledger or
// balances, and when — for the manager. The core writes it after such a read (core/readLog.ts).

import { z } from 'zod';
import { DateStr, Id, Page, Person, method } from './common';

/** The reads that are logged, by method (documents.render and export.grid only for a statement or a customer ledger). */
export const LOGGED_READS = [
  'customers.list',
  'receivables.open',
  'receivables.ledger',
  'receivables.statement',
  'receivables.aging',
  'documents.render',
  'export.grid',
] as const;
export type LoggedRead = (typeof LOGGED_READS)[number];

export const ReadLogRow = z.object({
  id: Id,
  at: z.string(),
  date: z.string(),
  user: Person,
  method: z.enum(LOGGED_READS),
  /** the customer read; null for a list */
  customer: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
  detail: z.string(),
});
export type ReadLogRow = z.infer<typeof ReadLogRow>;

export const readsMethods = {
  'reads.log': method({
    input: z.object({ userId: Id.optional(), from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({ rows: z.array(ReadLogRow), total: z.number().int() }),
    access: ['manager'],
    write: false,
    doc: 'The read log, newest first: who read the customer list or a customer’s statement, ledger or balances (and printed or exported them), and when.',
  }),
} as const;
