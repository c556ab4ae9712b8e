// expenses.* (费用报销: claim, the manager's approval, payment from cash) and budgets.*.

import { actor, bookCtx, managerSignoff, type Handlers } from '../context';
import { categories } from './repo';
import { addCategory, approveClaim, budgetReport, createClaim, listClaims, payClaim, setBudget, voidClaim } from './service';

export const expensesHandlers = {
  'expenses.categories': (_input, ctx) => categories(ctx.db),
  'expenses.addCategory': (input, ctx) => {
    ctx.auditRef = input.name;
    return addCategory(ctx.db, input.name, input.nameEn, ctx.nowIso);
  },
  'expenses.create': (input, ctx) => {
    const c = createClaim(bookCtx(ctx), actor(ctx).roles, input);
    ctx.auditRef = c.no;
    return c;
  },
  'expenses.approve': (input, ctx) => {
    const manager = managerSignoff(ctx, input.manager);
    const c = approveClaim(ctx.db, input.expenseId, manager, ctx.nowIso);
    ctx.auditRef = `${c.no} ${manager.name}`;
    return c;
  },
  'expenses.pay': (input, ctx) => {
    const r = payClaim(bookCtx(ctx), input.expenseId);
    ctx.auditRef = `${r.claim.no} ${r.voucher.voucherNo}`;
    return r;
  },
  'expenses.void': (input, ctx) => {
    const c = voidClaim(bookCtx(ctx), actor(ctx).roles, input.expenseId, input.reason);
    ctx.auditRef = c.no;
    return c;
  },
  'expenses.list': (input, ctx) => listClaims(ctx.db, actor(ctx), input),
  'budgets.set': (input, ctx) => {
    const me = actor(ctx);
    ctx.auditRef = `${input.month} ${input.category}`;
    return setBudget(ctx.db, input, { id: me.id, name: me.name }, ctx.nowIso);
  },
  'budgets.report': (input, ctx) => budgetReport(ctx.db, input.month),
} satisfies Partial<Handlers>;
