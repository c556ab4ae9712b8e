// receivables.*: what customers owe (应收款), collections (回款), aging and statements.

import { bookCtx, type Handlers } from '../context';
import { chase, chasesOf, dueList } from './chases';
import { apply, collect } from './service';
import { aging, ledger, openOf, statement } from './views';

export const receivablesHandlers = {
  'receivables.collect': (input, ctx) => {
    const r = collect(bookCtx(ctx), input);
    ctx.auditRef = `${r.voucher.voucherNo} ${r.voucher.customerName ?? ''}`.trim();
    return r;
  },
  'receivables.apply': (input, ctx) => {
    const r = apply(bookCtx(ctx), input);
    ctx.auditRef = `customer ${input.customerId}`;
    return r;
  },
  'receivables.open': (input, ctx) => openOf(ctx.db, input.customerId, ctx.businessDate),
  'receivables.ledger': (input, ctx) => ledger(ctx.db, input),
  'receivables.aging': (input, ctx) => aging(ctx.db, input, ctx.businessDate),
  'receivables.statement': (input, ctx) => statement(ctx.db, input, ctx.businessDate),
  'receivables.chase': (input, ctx) => chase(ctx, input),
  'receivables.chases': (input, ctx) => chasesOf(ctx.db, input.slipId),
  'receivables.due': (input, ctx) => dueList(ctx.db, input, ctx.businessDate),
} satisfies Partial<Handlers>;
