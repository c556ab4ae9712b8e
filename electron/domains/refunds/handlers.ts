// refunds.* (待付退款): the list finance works from, and finance's confirmation with the PIN.

import { actor, bookCtx, type Handlers } from '../context';
import { confirmRefund, listRefunds } from './service';

export const refundsHandlers = {
  'refunds.list': (input, ctx) => listRefunds(ctx.db, input),
  'refunds.confirm': (input, ctx) => {
    const me = actor(ctx);
    const u = ctx.auth.checkPin(ctx.db, me.id, input.pin);
    const r = confirmRefund(bookCtx(ctx), input.refundId, { id: u.id, name: u.name });
    ctx.auditRef = `${r.refund.slipNo} ${r.voucher.voucherNo} ${u.name}`;
    return r;
  },
} satisfies Partial<Handlers>;
