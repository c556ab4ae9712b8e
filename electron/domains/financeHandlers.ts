// The finance desk's methods (cash.*, receivables.*, expenses.*, budgets.*, dayClose.*): thin
// handlers over electron/finance/*. Writes are synchronous and run in the core's one transaction.

import { fail } from '../../shared/errors';
import { ROLE_ZH, type Role } from '../../shared/roles';
import type { PinSignoff } from '../../shared/contract';
import { accounts, journal, moneyOfSlip, remit, reverseVoucher, topUp } from './cash/service';
import { closeDay, dayStatus, listCloses, preview } from './dayClose/service';
import { addCategory, approveClaim, budgetReport, categories, createClaim, listClaims, payClaim, setBudget, voidClaim } from './expenses/service';
import type { BookCtx } from '../ledger/journal';
import { aging, apply, collect, ledger, openOf, statement } from './receivables/service';
import { slipRow } from './slips/repo';
import { actor, type Ctx, type Handlers } from './context';

/** Who books, when: the logged-in user unless a signer is named (finance signing a dispatch). */
export function bookCtx(ctx: Ctx, userId: number = actor(ctx).id): BookCtx {
  return { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, userId };
}

/** A PIN sign-off by someone who must hold the role (the manager's approval, a countersignature). */
export function signoff(ctx: Ctx, s: PinSignoff, role: Role): { id: number; name: string } {
  const u = ctx.auth.checkPin(ctx.db, s.user, s.pin);
  if (!u.roles.includes(role)) fail('role_not_held', { user: u.name, role, role_zh: ROLE_ZH[role] });
  return { id: u.id, name: u.name };
}

export function managerSignoff(ctx: Ctx, s: PinSignoff): { id: number; name: string } {
  return signoff(ctx, s, 'manager');
}

export const financeHandlers = {
  'cash.accounts': (_input, ctx) => accounts(ctx.db),
  'cash.journal': (input, ctx) => journal(ctx.db, input),
  'cash.bySlip': (input, ctx) => {
    slipRow(ctx.db, input.slipId);
    return moneyOfSlip(ctx.db, input.slipId);
  },
  'cash.remit': (input, ctx) => {
    const row = remit(bookCtx(ctx), input.account, input.amountFen, input.memo);
    ctx.auditRef = row.voucherNo;
    return row;
  },
  'cash.topUp': (input, ctx) => {
    const row = topUp(bookCtx(ctx), input.account, input.amountFen, input.memo);
    ctx.auditRef = row.voucherNo;
    return row;
  },
  'cash.reverse': (input, ctx) => {
    const r = reverseVoucher(bookCtx(ctx), input.entryId, input.reason);
    ctx.auditRef = `${r.original.voucherNo} → ${r.reversal.voucherNo}`;
    return r;
  },

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

  'dayClose.preview': (input, ctx) => preview(ctx.db, input.date ?? ctx.businessDate, ctx.businessDate),
  'dayClose.close': (input, ctx) => {
    const finance = signoff(ctx, input.finance, 'finance');
    const statistician = signoff(ctx, input.statistician, 'statistician');
    const manager = input.managerApproval ? signoff(ctx, input.managerApproval, 'manager') : null;
    const me = actor(ctx);
    const r = closeDay(bookCtx(ctx), input, { closedBy: { id: me.id, name: me.name }, finance, statistician, manager }, ctx.businessDate);
    ctx.auditRef = `${r.date} ${r.result}`;
    return r;
  },
  'dayClose.list': (input, ctx) => listCloses(ctx.db, input),
  'dayClose.status': (_input, ctx) => dayStatus(ctx.db, ctx.businessDate),
} satisfies Partial<Handlers>;
