// advances.* (借支): the list and one advance for finance and the manager; finance pays one with the
// manager's PIN, settles it by a claim or by money returned, and undoes either with red rows.

import { actor, bookCtx, managerSignoff, type Handlers } from '../context';
import { voidClaim } from '../expenses/service';
import { advanceRow, advanceView, settlementRow, settlementsOf } from './repo';
import { applyClaim, createAdvance, listAdvances, returnCash, reverseAdvance, reverseCashSettlement } from './service';
import { requireStanding } from './rules';

export const advancesHandlers = {
  'advances.list': (input, ctx) => listAdvances(ctx.db, ctx.businessDate, input),
  'advances.get': (input, ctx) => ({ advance: advanceView(ctx.db, input.advanceId, ctx.businessDate), settlements: settlementsOf(ctx.db, input.advanceId) }),
  'advances.create': (input, ctx) => {
    const approver = managerSignoff(ctx, input.manager);
    const r = createAdvance(bookCtx(ctx), input, approver);
    ctx.auditRef = `${r.advance.no} ${r.voucher.voucherNo} ${r.advance.person.name}`;
    return r;
  },
  'advances.applyClaim': (input, ctx) => {
    const r = applyClaim(bookCtx(ctx), input.advanceId, input.claimId);
    ctx.auditRef = `${r.advance.no} ${r.claim.no}`;
    return r;
  },
  'advances.returnCash': (input, ctx) => {
    const r = returnCash(bookCtx(ctx), input.advanceId, input.account, input.amountFen);
    ctx.auditRef = `${r.advance.no} ${r.voucher.voucherNo}`;
    return r;
  },
  'advances.reverseSettlement': (input, ctx) => {
    const s = settlementRow(ctx.db, input.settlementId);
    const a = advanceRow(ctx.db, s.advance_id);
    ctx.auditRef = a.no;
    if (s.kind === 'cash') return { advance: reverseCashSettlement(bookCtx(ctx), s.id, input.reason) };
    // an applied claim is undone by voiding it: its excess payment is reversed and the advance owed again
    requireStanding(ctx.db, s, a.no);
    voidClaim(bookCtx(ctx), actor(ctx).roles, s.expense_id!, input.reason);
    return { advance: advanceView(ctx.db, a.id, ctx.businessDate) };
  },
  'advances.reverse': (input, ctx) => {
    const r = reverseAdvance(bookCtx(ctx), input.advanceId, input.reason);
    ctx.auditRef = `${r.advance.no} ${r.voucher.voucherNo}`;
    return r;
  },
} satisfies Partial<Handlers>;
