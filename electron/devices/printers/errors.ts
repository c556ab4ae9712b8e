// Why a receipt did not reach its printer, as the transports see it. The receipts domain turns
// each reason into the desk's bilingual error (shared/errors.ts printer_*), with what to check and
// a retry; nothing in the books waits on the paper.

export const PRINTER_FAILURES = ['unreachable', 'timeout', 'offline', 'paper_out', 'not_found', 'permission', 'busy', 'unsupported', 'refused'] as const;
export type PrinterFailure = (typeof PRINTER_FAILURES)[number];

export class PrinterError extends Error {
  constructor(
    readonly reason: PrinterFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** A Node system error (ECONNREFUSED, ENOENT, EACCES …) as the reason a person can act on. */
export function failureOf(e: unknown): PrinterError {
  if (e instanceof PrinterError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  const detail = e instanceof Error ? e.message : String(e);
  if (['ENOENT', 'ENODEV', 'ENXIO'].includes(code)) return new PrinterError('not_found', detail);
  if (['EACCES', 'EPERM'].includes(code)) return new PrinterError('permission', detail);
  if (code === 'EBUSY') return new PrinterError('busy', detail);
  if (code === 'ETIMEDOUT') return new PrinterError('timeout', detail);
  return new PrinterError('unreachable', detail);
}

/** Reject with a timeout unless `p` settles within `ms`; `onTimeout` frees what p holds (a socket, a file). */
export function within<T>(p: Promise<T>, ms: number, what: string, onTimeout: () => void = () => {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new PrinterError('timeout', `${what}: no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
