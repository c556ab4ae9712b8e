// receivables.*: what customers owe (应收款), collections (回款), aging and statements.

import { bookCtx, type Ctx, type Handlers } from '../context';
import { reachedCustomerIds, readerOf, requireCustomerInReach } from '../reads/scope';
import { chase, chasesOf, dueList } from './chases';
import { apply, collect } from './service';
import { aging, ledger, openOf, statement } from './views';

/** The customer asked for, once the reader may read them (保密制度: reads/scope.ts). */
function reached<T extends { customerId: number }>(ctx: Ctx, input: T): T {
  requireCustomerInReach(ctx.db, readerOf(ctx), input.customerId);
  return input;
}

/** Aging over the customers asked for that the reader reaches (all of them when none are asked). */
function reachedIds(ctx: Ctx, asked: number[] | undefined): number[] | undefined {
  const reach = reachedCustomerIds(ctx.db, readerOf(ctx));
  if (!reach) return asked;
  return asked ? asked.filter((id) => reach.includes(id)) : reach;
}

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
  'receivables.open': (input, ctx) => openOf(ctx.db, reached(ctx, input).customerId, ctx.businessDate),
  'receivables.ledger': (input, ctx) => ledger(ctx.db, reached(ctx, input)),
  'receivables.aging': (input, ctx) => aging(ctx.db, { ...input, customerIds: reachedIds(ctx, input.customerIds) }, ctx.businessDate),
  'receivables.statement': (input, ctx) => statement(ctx.db, reached(ctx, input), ctx.businessDate),
  'receivables.chase': (input, ctx) => chase(ctx, input),
  'receivables.chases': (input, ctx) => chasesOf(ctx.db, input.slipId),
  'receivables.due': (input, ctx) => dueList(ctx.db, input, ctx.businessDate),
} satisfies Partial<Handlers>;
