// Expense claims (费用报销, expenses.*) and monthly budgets per category (费用预算, budgets.*).

import { z } from 'zod';
import { ALL_STAFF, DateStr, Empty, FINANCE, Id, LEDGER_READERS, MonthStr, Name, NonNegFen, Page, Person, PinSignoff, PosFen, Text, method } from './common';
import { JournalRow } from './journal';

export const BUILTIN_EXPENSE_CATEGORIES = [
  { name: '差旅', nameEn: 'travel' },
  { name: '办公用品', nameEn: 'office supplies' },
  { name: '运输', nameEn: 'transport' },
  { name: '通讯', nameEn: 'communication' },
  { name: '招待', nameEn: 'hospitality' },
] as const;

export const EXPENSE_STATES = ['claimed', 'approved', 'paid', 'void'] as const;
export const ExpenseState = z.enum(EXPENSE_STATES);
export type ExpenseState = z.infer<typeof ExpenseState>;
export const EXPENSE_STATE_ZH: Record<ExpenseState, string> = { claimed: '待审批', approved: '已审批待付', paid: '已付款', void: '已作废' };

export const ExpenseCategory = z.object({ name: z.string(), nameEn: z.string(), builtin: z.boolean(), active: z.boolean() });

export const ExpenseClaim = z.object({
  id: Id,
  no: z.string(),
  category: z.string(),
  amountFen: z.number().int(),
  attachments: z.number().int(),
  summary: z.string(),
  claimant: Person,
  state: ExpenseState,
  date: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  approvedBy: Person.nullable(),
  approvedAt: z.string().nullable(),
  paidBy: Person.nullable(),
  paidAt: z.string().nullable(),
  paidDate: z.string().nullable(),
  voucherNo: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type ExpenseClaim = z.infer<typeof ExpenseClaim>;

export const BudgetRow = z.object({
  category: z.string(),
  budgetFen: z.number().int().nullable(),
  /** paid in the month (by the date of payment) */
  paidFen: z.number().int(),
  /** approved, not yet paid */
  approvedFen: z.number().int(),
  /** claimed, not yet approved */
  claimedFen: z.number().int(),
  /** budget − paid − approved (null without a budget) */
  remainingFen: z.number().int().nullable(),
  overBudget: z.boolean(),
});

export const expensesMethods = {
  'expenses.categories': method({
    input: Empty,
    output: z.array(ExpenseCategory),
    access: 'any',
    write: false,
    doc: 'Expense categories: 差旅, 办公用品, 运输, 通讯, 招待 and the office’s own.',
  }),
  'expenses.addCategory': method({
    input: z.object({ name: Name(20), nameEn: Text(40).default('') }),
    output: ExpenseCategory,
    access: ['manager'],
    write: true,
    doc: 'Add one of the office’s own expense categories.',
  }),
  'expenses.create': method({
    input: z.object({
      category: Name(20),
      amountFen: PosFen,
      attachments: z.number().int().min(0).max(999).default(0),
      summary: Name(200),
      /** finance or the manager may file for someone else; anyone else files for themselves */
      claimantId: Id.optional(),
    }),
    output: ExpenseClaim,
    access: ALL_STAFF,
    write: true,
    doc: 'File an expense claim (费用报销单).',
  }),
  'expenses.approve': method({
    input: z.object({ expenseId: Id, manager: PinSignoff }),
    output: ExpenseClaim,
    access: ['manager', 'finance'],
    write: true,
    doc: 'The manager approves a claim with the PIN (费用审批).',
  }),
  'expenses.pay': method({
    input: z.object({ expenseId: Id }),
    output: z.object({ claim: ExpenseClaim, voucher: JournalRow }),
    access: FINANCE,
    write: true,
    doc: 'Pay an approved claim from cash (现付).',
  }),
  'expenses.void': method({
    input: z.object({ expenseId: Id, reason: Name(200) }),
    output: ExpenseClaim,
    access: ALL_STAFF,
    write: true,
    doc: 'Void a claim; a paid one (finance only) has its payment reversed in red (红字).',
  }),
  'expenses.list': method({
    input: z.object({
      state: ExpenseState.optional(),
      category: Text(20).optional(),
      claimantId: Id.optional(),
      from: DateStr.optional(),
      to: DateStr.optional(),
      ...Page,
    }),
    output: z.object({ rows: z.array(ExpenseClaim), total: z.number().int(), totalAmountFen: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Expense claims, newest first; staff other than finance, the manager and the statistician see their own.',
  }),
  'budgets.set': method({
    input: z.object({ month: MonthStr, category: Name(20), amountFen: NonNegFen }),
    output: z.object({ month: z.string(), category: z.string(), amountFen: z.number().int(), setBy: Person, setAt: z.string() }),
    access: ['manager'],
    write: true,
    doc: 'The manager sets a month’s budget for a category (费用预算).',
  }),
  'budgets.report': method({
    input: z.object({ month: MonthStr }),
    output: z.object({
      month: z.string(),
      rows: z.array(BudgetRow),
      totals: z.object({ budgetFen: z.number().int(), paidFen: z.number().int(), approvedFen: z.number().int(), claimedFen: z.number().int() }),
    }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Budget against actual per category for a month (费用统计表).',
  }),
} as const;
