// The core's one hook for the read log (保密制度): after a logged read has answered, a row naming
// who read which customer (or the list) is appended in its own short transaction — outside the
// audit chain, which is for writes. A read whose row cannot be written fails rather than answer
// unrecorded. Which reads are logged is decided here, from the method and its input.

import { LOGGED_READS, type LoggedRead, type MethodName } from '../../shared/contract';
import type { WritableDB } from '../store/db';
import { appendRead } from '../domains/reads/repo';

interface ReadNote {
  customerId: number | null;
  detail: string;
}

type Fields = { customerId?: number; from?: string; to?: string; doc?: string; grid?: string; filters?: { customerId?: number; from?: string; to?: string } };

const period = (f: { from?: string; to?: string }) => (f.from || f.to ? `${f.from ?? ''}…${f.to ?? ''}` : '');

/** What a read of `method` with this (validated) input is logged as; null when it is not logged. */
export function readNote(method: LoggedRead, input: Fields): ReadNote | null {
  switch (method) {
    case 'customers.list':
    case 'receivables.aging':
      return { customerId: null, detail: '' };
    case 'receivables.open':
    case 'receivables.ledger':
    case 'receivables.statement':
      return { customerId: input.customerId ?? null, detail: period(input) };
    case 'documents.render':
      return input.doc === 'statement' ? { customerId: input.customerId ?? null, detail: `PDF ${period(input)}`.trim() } : null;
    case 'export.grid':
      return input.grid === 'receivables' && input.filters
        ? { customerId: input.filters.customerId ?? null, detail: `XLSX ${period(input.filters)}`.trim() }
        : null;
  }
}

const isLogged = (m: MethodName): m is LoggedRead => (LOGGED_READS as readonly string[]).includes(m);

export function logRead(db: WritableDB, method: MethodName, input: unknown, who: { userId: number; at: string; date: string }): void {
  if (!isLogged(method)) return;
  const note = readNote(method, input as Fields);
  if (!note) return;
  db.transaction(() => appendRead(db, { ...who, method, ...note })).immediate();
}
