// deliveryCash.* (送货收款): the list finance works from, and the hand-over: the carrier's PIN, finance logged in.

import { actor, bookCtx, type Handlers } from '../context';
import { confirmHandOver, listDeliveryCash } from './service';

export const deliveryCashHandlers = {
  'deliveryCash.list': (input, ctx) => listDeliveryCash(ctx.db, ctx.businessDate, input),
  'deliveryCash.confirm': (input, ctx) => {
    const carrier = ctx.auth.checkPin(ctx.db, input.carrier.user, input.carrier.pin);
    const me = actor(ctx);
    const r = confirmHandOver(bookCtx(ctx), input.deliveryCashId, { id: carrier.id, name: carrier.name }, { id: me.id, name: me.name });
    ctx.auditRef = `${r.deliveryCash.slipNo} ${r.voucher.voucherNo} ${carrier.name} → ${me.name}`;
    return r;
  },
} satisfies Partial<Handlers>;
