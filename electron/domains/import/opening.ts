// Committing the opening kinds through the opening domain's service, so a file books exactly what the
// 期初建账 screen would: the opening stock as the one opening slip (期初入库单), signed by the manager
// and posted (one FIFO layer per row at exactly its amount); the receivables as sale entries dated on
// their original sale. The opening domain's rules (closed day, done once, known items) apply as they are.

import { fail } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/contract';
import { sql } from '../../store/db';
import { actor, bookCtx, type WriteCtx } from '../context';
import { addOpeningReceivables, postOpeningStock } from '../opening/service';
import { fenOf, normalDate, stockAmountFen } from './openingRules';
import type { CheckedRow } from './rules';

const idsByCode = (ctx: WriteCtx, table: 'items' | 'customers'): Map<string, number> =>
  new Map((sql(ctx.db, `SELECT code, id FROM ${table}`).all() as { code: string; id: number }[]).map((r) => [r.code, r.id]));

function commitOpeningStock(ctx: WriteCtx, rows: CheckedRow[], signoff: ParsedInput<'import.commit'>['signoff']): string {
  if (!signoff) fail('import_needs_signoff', { field: 'signoff' });
  const items = idsByCode(ctx, 'items');
  const lines = rows.map(({ cells }) => ({ itemId: items.get(cells.itemCode)!, qty: Number(cells.qty), amountFen: stockAmountFen(cells) }));
  return postOpeningStock(ctx, lines, signoff, actor(ctx).id);
}

function commitOpeningReceivables(ctx: WriteCtx, rows: CheckedRow[]): string {
  const customers = idsByCode(ctx, 'customers');
  const lines = rows.map(({ cells }) => ({
    customerId: customers.get(cells.customerCode)!,
    saleDate: normalDate(cells.saleDate)!,
    docRef: cells.docRef ?? '',
    amountFen: fenOf(cells.amount)!,
  }));
  return `期初应收 ${addOpeningReceivables(bookCtx(ctx), lines)} 笔`;
}

/** Books the checked rows of an opening kind; returns what the audit row names. */
export function commitOpeningImport(ctx: WriteCtx, input: ParsedInput<'import.commit'>, rows: CheckedRow[]): string {
  return input.kind === 'openingStock' ? commitOpeningStock(ctx, rows, input.signoff) : commitOpeningReceivables(ctx, rows);
}
