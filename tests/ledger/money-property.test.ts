// Property-based tests of the finance books (design.md, "The books"; office-rules.md 日清日结, 现金现货).
//
// Random sequences of desk operations — cash, WeChat and credit dispatches (some over the credit
// limit, some with the manager's override, some short-picked), edits and voids of signed drafts,
// customer returns refunded (a refund finance confirms: 待付退款) or credited, reversals, collections (回款) and prepayments applied,
// expenses paid and voided, remittances, top-ups and red vouchers, closes of day with the cash
// over or short, days passing — run against a real core and a small money model. After every
// operation:
//   (1) cash ≥ 0 always; each account's balance = Σ receipts − Σ payments of its journal = the model
//   (2) each customer's receivable = Σ credit sales − Σ collections − Σ credit notes (± reversals)
//       from the ledger = the open slips less prepayments = the model
//   (3) every call succeeds or is refused exactly when (and with a code) the model says; a refused
//       call changes no ledger table
//   (4) a closed (locked) day's rows never change; every close's reconciliation checks pass
//   (5) verifyBooks is clean (stock, money, receivables, allocations, closed days, audit chain)
//
// FC_RUNS / FC_SEED in the environment re-run with more cases or replay a failure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MoneyAccount, PaymentMode, Slip } from '../../shared/contract';
import { dayRowsHash } from '../../electron/domains/dayClose/service';
import { verifyBooks } from '../../electron/domains/system/verify';
import { call, dayAt, financeOffice, must, type DemoOffice, type Who } from '../helpers/finance';
import { REVERSE_SIGNOFFS } from '../helpers/index';

const RUNS = Number(process.env.FC_RUNS ?? 0) || 40;
/** FC_STATS=1: how often each write succeeded or was refused, and why */
const tally = new Map<string, number>();
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

const CUSTOMERS = ['KH001', 'KH004', 'KH005', 'KH002'] as const; // limits 50,000.00 · 0 · 20,000.00 · 200,000.00
const ITEMS = [
  ['WY-1001', 129_900],
  ['WY-4001', 3200],
] as const;

type Mode = 'cash' | 'wechat' | 'credit';
type Op =
  | { t: 'sale'; cust: number; mode: Mode; lines: { item: number; qty: number }[]; override: boolean; post: boolean; pick: number | null }
  | { t: 'edit'; pick: number }
  | { t: 'void'; pick: number }
  | { t: 'post'; pick: number; pct: number | null }
  | { t: 'return'; pick: number; mode: Mode }
  | { t: 'reverse'; pick: number; returns: boolean }
  | { t: 'refund'; pick: number }
  | { t: 'collect'; cust: number; account: 'cash' | 'bank'; amount: number }
  | { t: 'apply'; cust: number }
  | { t: 'expense'; amount: number; pay: boolean }
  | { t: 'voidExpense'; pick: number }
  | { t: 'remit'; account: 'cash' | 'wechat'; amount: number }
  | { t: 'topUp'; amount: number }
  | { t: 'redVoucher'; pick: number }
  | { t: 'close'; delta: number; stay: boolean }
  | { t: 'day' };

const amount = fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 50_000, max: 2_000_000 }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('sale' as const),
      cust: fc.nat({ max: CUSTOMERS.length - 1 }),
      mode: fc.constantFrom<Mode>('cash', 'cash', 'wechat', 'credit', 'credit'),
      lines: fc.array(fc.record({ item: fc.nat({ max: 1 }), qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 2 }),
      override: fc.boolean(),
      post: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      pick: fc.option(fc.integer({ min: 0, max: 99 }), { freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('edit' as const), pick: fc.nat(99) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat(99) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('post' as const), pick: fc.nat(99), pct: fc.option(fc.integer({ min: 0, max: 99 }), { freq: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('return' as const), pick: fc.nat(99), mode: fc.constantFrom<Mode>('cash', 'wechat', 'credit') }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(99), returns: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('refund' as const), pick: fc.nat(99) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('collect' as const),
      cust: fc.nat({ max: CUSTOMERS.length - 1 }),
      account: fc.constantFrom('cash' as const, 'bank' as const),
      amount,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('apply' as const), cust: fc.nat({ max: CUSTOMERS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('expense' as const), amount: fc.integer({ min: 1, max: 300_000 }), pay: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('voidExpense' as const), pick: fc.nat(99) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('remit' as const), account: fc.constantFrom('cash' as const, 'wechat' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('topUp' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redVoucher' as const), pick: fc.nat(99) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('close' as const),
      delta: fc.oneof(
        fc.constant(0),
        fc.constant(0),
        fc.integer({ min: -5000, max: 5000 }).map((x) => x * 10),
      ),
      stay: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'day' as const }) },
);

// ------------------------------------------------------------------ the money model

interface MDispatch {
  slip: Slip;
  cust: number;
  mode: Mode;
  amount: number;
  signed: boolean;
  /** the manager's signature (an edit drops both) */
  mgr: boolean;
  state: 'draft' | 'posted' | 'void';
  shipped: number;
  reversed: boolean;
  /** units of line 0 still returnable */
  returnable: number;
  /** what a short pick of a cash or WeChat sale owes back */
  refund: MRefund | null;
}
/** A refund waiting for finance (待付退款), paid by finance's confirmation, or cancelled by a reversal. */
interface MRefund {
  id: number;
  account: 'cash' | 'wechat';
  amount: number;
  state: 'pending' | 'paid' | 'cancelled';
}
interface MReturn {
  id: number;
  mode: Mode;
  amount: number;
  reversed: boolean;
  src: MDispatch;
  refund: MRefund | null;
}
interface MVoucher {
  id: number;
  kind: 'collection' | 'remittance' | 'topup';
  account: MoneyAccount;
  amount: number;
  cust: number | null;
  reversed: boolean;
}

class Run {
  acct: Record<MoneyAccount, number> = { cash: 0, wechat: 0, alipay: 0, bank: 0 };
  owed = [0, 0, 0, 0];
  limits: number[] = [];
  custIds: number[] = [];
  dispatches: MDispatch[] = [];
  returns: MReturn[] = [];
  refunds: MRefund[] = [];
  vouchers: MVoucher[] = [];
  expenses: { id: number; amount: number; state: 'claimed' | 'approved' | 'paid' | 'void' }[] = [];
  today = '2026-11-29';
  lastClosed: string | null = null;
  closedHashes = new Map<string, string>();
  trace: string[] = [];
  constructor(readonly o: DemoOffice) {}

  get locked(): boolean {
    return this.lastClosed != null && this.today <= this.lastClosed;
  }

  private ledgerChecksum(): string {
    const db = this.o.core.db;
    return ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves', 'receivable_items', 'day_closes', 'expense_claims']
      .map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all())}`)
      .join('\n');
  }

  /** A write the model decides: `expect` is null (must succeed) or the codes it may be refused with. */
  async write<T>(who: Who, method: Parameters<typeof call>[2], input: unknown, expectCodes: string[] | null): Promise<T | null> {
    const before = this.ledgerChecksum();
    const r = await call(this.o, who, method as never, input as never);
    this.trace.push(`  ${method} ${r.ok ? 'ok' : `refused ${r.error.code}`}${expectCodes ? ` (model: ${expectCodes.join('|')})` : ''}`);
    const key = `${method} ${r.ok ? 'ok' : r.error.code}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    if (expectCodes === null) {
      if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)} refused with ${r.error.code}: ${r.error.message_en}; the model expected success`);
      return r.value as T;
    }
    if (r.ok) throw new Error(`${method} ${JSON.stringify(input)} succeeded; the model expected ${expectCodes.join(' or ')}`);
    if (!expectCodes.includes(r.error.code))
      throw new Error(`${method} refused with ${r.error.code} (${r.error.message_en}); the model expected ${expectCodes.join(' or ')}`);
    expect(this.ledgerChecksum(), `${method}: a refused call changed the ledger`).toBe(before);
    return null;
  }

  /** Codes for a booking that takes `cashOut` from cash (0 when it takes none). */
  private refusal(cashOut: number, account: MoneyAccount = 'cash'): string[] | null {
    const codes: string[] = [];
    // after the close of day nothing is refused: postings go to the next business day (daylock.postingDate)
    if (account === 'cash' && cashOut > 0 && this.acct.cash - cashOut < 0) codes.push('cash_insufficient');
    return codes.length ? codes : null;
  }

  private pick<T>(xs: T[], n: number): T | undefined {
    return xs.length ? xs[n % xs.length] : undefined;
  }

  private book(mode: Mode, cust: number, amount: number): void {
    if (mode === 'credit') this.owed[cust] += amount;
    else this.acct[mode] += amount;
  }

  async run(op: Op): Promise<void> {
    this.trace.push(`${JSON.stringify(op)}`);
    const o = this.o;
    switch (op.t) {
      case 'sale': {
        const slip = await must(o, 'sales', 'slips.create', {
          kind: 'dispatch',
          customerId: this.custIds[op.cust],
          paymentMode: op.mode as PaymentMode,
          lines: op.lines.map((l) => ({ itemId: o.itemId(ITEMS[l.item][0]), qty: l.qty })),
        });
        await must(o, 'sales', 'slips.sign', { slipId: slip.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
        const amount = op.lines.reduce((s, l) => s + l.qty * ITEMS[l.item][1], 0);
        const d: MDispatch = {
          slip,
          cust: op.cust,
          mode: op.mode,
          amount,
          signed: false,
          mgr: true,
          state: 'draft',
          shipped: 0,
          reversed: false,
          returnable: 0,
          refund: null,
        };
        this.dispatches.push(d);
        await this.signFinance(d, op.override);
        if (op.post && d.signed) await this.post(d, op.pick);
        return;
      }
      case 'post': {
        const d = this.pick(
          this.dispatches.filter((x) => x.state === 'draft'),
          op.pick,
        );
        if (!d) return;
        if (!d.mgr) {
          await must(o, 'sales', 'slips.sign', { slipId: d.slip.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
          d.mgr = true;
        }
        if (!d.signed) await this.signFinance(d, true);
        if (d.signed) await this.post(d, op.pct);
        return;
      }
      case 'edit':
      case 'void': {
        const d = this.pick(
          this.dispatches.filter((x) => x.state === 'draft'),
          op.pick,
        );
        if (!d) return;
        const takes = d.signed && d.mode !== 'credit' ? d.amount : 0;
        const codes = d.signed ? this.refusal(takes, d.mode === 'credit' ? 'bank' : d.mode) : null;
        const input = op.t === 'edit' ? { slipId: d.slip.id, memo: `改 ${this.trace.length}` } : { slipId: d.slip.id, reason: '作废' };
        const r = await this.write(op.t === 'edit' ? 'sales' : 'statistician', op.t === 'edit' ? 'slips.update' : 'slips.void', input, codes);
        if (r === null) return;
        if (d.signed) this.book(d.mode, d.cust, -d.amount);
        d.signed = false;
        d.mgr = false;
        if (op.t === 'void') d.state = 'void';
        return;
      }
      case 'return': {
        const d = this.pick(
          this.dispatches.filter((x) => x.state === 'posted' && !x.reversed && x.returnable > 0),
          op.pick,
        );
        if (!d) return;
        const line = d.slip.lines[0];
        const r = await must(o, 'sales', 'slips.create', {
          kind: 'return',
          sourceSlipId: d.slip.id,
          paymentMode: op.mode,
          lines: [{ itemId: line.itemId, qty: 1, sourceLineId: line.id }],
        });
        await must(o, 'sales', 'slips.sign', { slipId: r.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
        const amount = line.priceFen!;
        // the keeper's posting takes the goods back; money leaves only when finance confirms the refund
        const posted = (await this.write<Slip>('keeper', 'slips.post', { slipId: r.id }, null))!;
        d.returnable -= 1;
        if (op.mode === 'credit') this.book(op.mode, d.cust, -amount);
        const refund = op.mode === 'credit' ? null : this.owe(posted, op.mode, amount);
        this.returns.push({ id: r.id, mode: op.mode, amount, reversed: false, src: d, refund });
        return;
      }
      case 'reverse': {
        if (op.returns) {
          const r = this.pick(
            this.returns.filter((x) => !x.reversed),
            op.pick,
          );
          if (!r) return;
          const ok = await this.write('manager', 'slips.reverse', { slipId: r.id, reason: '冲销退货', ...REVERSE_SIGNOFFS }, this.refusal(0));
          if (ok === null) return;
          r.reversed = true;
          r.src.returnable += 1;
          if (r.refund?.state === 'pending') r.refund.state = 'cancelled';
          else this.book(r.mode, r.src.cust, r.amount);
          return;
        }
        const d = this.pick(
          this.dispatches.filter((x) => x.state === 'posted' && !x.reversed),
          op.pick,
        );
        if (!d) return;
        const hasReturns = this.returns.some((r) => r.src === d && !r.reversed);
        // the receipt is reversed whole, less a refund finance paid; a pending refund is cancelled
        const kept = d.mode === 'credit' ? d.shipped : d.amount - (d.refund?.state === 'paid' ? d.refund.amount : 0);
        const codes = hasReturns ? ['slip_has_returns'] : this.refusal(d.mode === 'cash' ? kept : 0);
        const ok = await this.write('keeper', 'slips.reverse', { slipId: d.slip.id, reason: '冲销', ...REVERSE_SIGNOFFS }, codes);
        if (ok === null) return;
        d.reversed = true;
        if (d.refund?.state === 'pending') d.refund.state = 'cancelled';
        this.book(d.mode, d.cust, -kept);
        return;
      }
      case 'refund': {
        const f = this.pick(
          this.refunds.filter((x) => x.state === 'pending'),
          op.pick,
        );
        if (!f) return;
        const pin = o.pins.finance;
        const ok = await this.write('finance', 'refunds.confirm', { refundId: f.id, pin }, this.refusal(f.amount, f.account));
        if (ok === null) return;
        f.state = 'paid';
        this.acct[f.account] -= f.amount;
        // a second confirmation is refused and moves nothing
        await this.write('finance', 'refunds.confirm', { refundId: f.id, pin }, ['refund_not_pending']);
        return;
      }
      case 'collect': {
        const v = await this.write<{ voucher: { id: number } }>(
          'finance',
          'receivables.collect',
          { customerId: this.custIds[op.cust], account: op.account, amountFen: op.amount },
          this.refusal(0),
        );
        if (!v) return;
        this.acct[op.account] += op.amount;
        this.owed[op.cust] -= op.amount;
        this.vouchers.push({ id: v.voucher.id, kind: 'collection', account: op.account, amount: op.amount, cust: op.cust, reversed: false });
        return;
      }
      case 'apply': {
        const open = await must(o, 'finance', 'receivables.open', { customerId: this.custIds[op.cust] });
        const codes = open.prepaymentFen === 0 ? ['nothing_to_apply'] : null;
        await this.write('finance', 'receivables.apply', { customerId: this.custIds[op.cust] }, codes);
        return;
      }
      case 'expense': {
        const c = await must(o, 'keeper', 'expenses.create', { category: '运输', amountFen: op.amount, summary: '运费' });
        await must(o, 'finance', 'expenses.approve', { expenseId: c.id, manager: { user: o.names.manager, pin: o.pins.manager } });
        const e = { id: c.id, amount: op.amount, state: 'approved' as 'claimed' | 'approved' | 'paid' | 'void' };
        this.expenses.push(e);
        if (!op.pay) return;
        const paid = await this.write('finance', 'expenses.pay', { expenseId: c.id }, this.refusal(op.amount));
        if (paid === null) return;
        e.state = 'paid';
        this.acct.cash -= op.amount;
        return;
      }
      case 'voidExpense': {
        const e = this.pick(
          this.expenses.filter((x) => x.state === 'paid' || x.state === 'approved'),
          op.pick,
        );
        if (!e) return;
        const ok = await this.write('finance', 'expenses.void', { expenseId: e.id, reason: '作废' }, e.state === 'paid' ? this.refusal(0) : null);
        if (ok === null) return;
        if (e.state === 'paid') this.acct.cash += e.amount;
        e.state = 'void';
        return;
      }
      case 'remit': {
        const v = await this.write<{ id: number }>('finance', 'cash.remit', { account: op.account, amountFen: op.amount }, this.refusal(op.amount, op.account));
        if (!v) return;
        this.acct[op.account] -= op.amount;
        this.vouchers.push({ id: v.id, kind: 'remittance', account: op.account, amount: op.amount, cust: null, reversed: false });
        return;
      }
      case 'topUp': {
        const v = await this.write<{ id: number }>('finance', 'cash.topUp', { amountFen: op.amount }, this.refusal(0));
        if (!v) return;
        this.acct.cash += op.amount;
        this.vouchers.push({ id: v.id, kind: 'topup', account: 'cash', amount: op.amount, cust: null, reversed: false });
        return;
      }
      case 'redVoucher': {
        const v = this.pick(
          this.vouchers.filter((x) => !x.reversed),
          op.pick,
        );
        if (!v) return;
        const out = v.kind === 'remittance' ? -v.amount : v.amount; // what the red row takes from the account
        const ok = await this.write('finance', 'cash.reverse', { entryId: v.id, reason: '冲销' }, this.refusal(Math.max(0, out), v.account));
        if (ok === null) return;
        v.reversed = true;
        this.acct[v.account] -= out;
        if (v.kind === 'collection') this.owed[v.cust!] += v.amount;
        return;
      }
      case 'close': {
        if (this.locked) {
          // a whole-角 count (postings after the close may have left odd fen): refused for the day, not the count
          await this.write('finance', 'dayClose.close', this.closeInput(-(this.acct.cash % 10)), ['day_already_closed']);
          return;
        }
        // days are closed in order: first any earlier day with postings that was left open
        for (const day of (await must(o, 'finance', 'dayClose.status', {})).openDays) {
          const past = await must(o, 'finance', 'dayClose.preview', { date: day });
          expect(
            past.checks.filter((c) => !c.pass).map((c) => [c.code, c.slips]),
            `every check passes on ${day}`,
          ).toEqual([]);
          const counted = Math.ceil(past.cash.expectedFen / 10) * 10; // a few fen over, never short
          await this.write('finance', 'dayClose.close', { ...this.closeInput(0), date: day, counts: { '10': counted / 10 } }, null);
          this.acct.cash += counted - past.cash.expectedFen;
          this.closedHashes.set(day, dayRowsHash(o.core.db, day));
        }
        const p = await must(o, 'finance', 'dayClose.preview', {});
        expect(
          p.checks.filter((c) => !c.pass).map((c) => [c.code, c.slips]),
          'every reconciliation check passes',
        ).toEqual([]);
        expect(p.cash.expectedFen).toBe(this.acct.cash);
        // notes and coins go down to 1 角: a balance in odd fen is counted a few fen short
        const counted = Math.floor(Math.max(0, this.acct.cash + op.delta) / 10) * 10;
        const delta = counted - this.acct.cash;
        await this.write('finance', 'dayClose.close', this.closeInput(delta), null);
        this.acct.cash += delta;
        this.lastClosed = this.today;
        this.closedHashes.set(this.today, dayRowsHash(o.core.db, this.today));
        if (!op.stay) await this.nextDay();
        return;
      }
      case 'day':
        await this.nextDay();
        return;
    }
  }

  private closeInput(delta: number) {
    const o = this.o;
    const counted = this.acct.cash + delta;
    return {
      date: this.today,
      counts: { '10': counted / 10 },
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
      managerApproval: { user: o.names.manager, pin: o.pins.manager },
      differenceReason: '点钞',
    };
  }

  private async nextDay(): Promise<void> {
    const next = new Date(Date.parse(`${this.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    this.today = next;
    await dayAt(this.o, next);
  }

  private async signFinance(d: MDispatch, override: boolean): Promise<void> {
    const o = this.o;
    const codes: string[] = [];
    if (d.mode === 'credit' && !override && this.owed[d.cust] + d.amount > this.limits[d.cust]) codes.push('credit_limit_exceeded');
    const r = await this.write(
      'sales',
      'slips.sign',
      {
        slipId: d.slip.id,
        role: 'finance',
        user: o.names.finance,
        pin: o.pins.finance,
        ...(override ? { creditOverride: { user: o.names.manager, pin: o.pins.manager } } : {}),
      },
      codes.length ? codes : null,
    );
    if (r === null) return;
    d.signed = true;
    this.book(d.mode, d.cust, d.amount);
  }

  private async post(d: MDispatch, pct: number | null): Promise<void> {
    const lines = d.slip.lines;
    const picked = pct == null ? null : lines.map((l, i) => (i === 0 ? Math.max(1, Math.floor((l.qty * pct) / 100)) : Math.floor((l.qty * pct) / 100)));
    const shipped = lines.reduce((s, l, i) => s + (picked ? picked[i] : l.qty) * l.priceFen!, 0);
    const refund = d.amount - shipped;
    const input = picked ? { slipId: d.slip.id, picked: lines.map((l, i) => ({ lineId: l.id, qty: picked[i] })), confirmShort: true } : { slipId: d.slip.id };
    const r = (await this.write<Slip>('keeper', 'slips.post', input, null))!;
    d.state = 'posted';
    d.slip = r;
    d.shipped = shipped;
    d.returnable = picked ? picked[0] : lines[0].qty;
    if (d.mode === 'credit') this.book(d.mode, d.cust, -refund);
    else if (refund > 0) d.refund = this.owe(r, d.mode, refund);
  }

  /** A posted slip owes money back: a pending refund, nothing moved yet. */
  private owe(slip: Slip, account: 'cash' | 'wechat', amount: number): MRefund {
    expect(slip.refund, `${slip.no}: a pending refund`).toMatchObject({ state: 'pending', amountFen: amount, account });
    const f: MRefund = { id: slip.refund!.id, account, amount, state: 'pending' };
    this.refunds.push(f);
    return f;
  }

  /** The invariants, through the core's own reads and the database. */
  async check(): Promise<void> {
    const o = this.o;
    const acc = await must(o, 'finance', 'cash.accounts', {});
    for (const a of acc) {
      expect(a.balanceFen, `${a.account} balance`).toBe(this.acct[a.account]);
      const j = await must(o, 'finance', 'cash.journal', { account: a.account, limit: 1 });
      expect(j.receiptsFen - j.paymentsFen, `${a.account}: Σ receipts − Σ payments`).toBe(a.balanceFen);
      expect(j.closingFen).toBe(a.balanceFen);
    }
    expect(this.acct.cash).toBeGreaterThanOrEqual(0);
    for (let c = 0; c < CUSTOMERS.length; c++) {
      const led = await must(o, 'finance', 'receivables.ledger', { customerId: this.custIds[c], limit: 1000 });
      let sales = 0;
      let collections = 0;
      let creditNotes = 0;
      for (const r of led.rows) {
        if (r.kind === 'sale') sales += r.debitFen!;
        else if (r.kind === 'collection') collections += r.creditFen!;
        else creditNotes += r.creditFen!;
      }
      expect(sales - collections - creditNotes, `${CUSTOMERS[c]}: credit sales − collections − credit notes`).toBe(this.owed[c]);
      expect(led.closingFen).toBe(this.owed[c]);
      const open = await must(o, 'finance', 'receivables.open', { customerId: this.custIds[c] });
      expect(open.openFen - open.prepaymentFen).toBe(this.owed[c]);
      expect(open.balanceFen).toBe(this.owed[c]);
    }
    for (const [day, hash] of this.closedHashes) expect(dayRowsHash(o.core.db, day), `closed day ${day} changed`).toBe(hash);
    expect(verifyBooks(o.core.db).problems).toEqual([]);
  }
}

describe('the finance books under random desk operations (property)', () => {
  it(
    'keep cash ≥ 0, cash = Σ receipts − Σ payments, receivable = sales − collections − credit notes, and locked days unchanged',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
          const o = await financeOffice();
          await must(o, 'keeper', 'slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-PROP', lines: [] }); // a draft that stays
          const run = new Run(o);
          const customers = (await must(o, 'finance', 'customers.list', { limit: 100 })).rows;
          for (const code of CUSTOMERS) {
            const c = customers.find((x) => x.code === code)!;
            run.custIds.push(c.id);
            run.limits.push(c.creditLimitFen);
          }
          try {
            for (const op of ops) {
              await run.run(op);
              await run.check();
            }
          } catch (e) {
            throw new Error(`${(e as Error).message}\n--- trace ---\n${run.trace.join('\n')}`);
          } finally {
            o.close();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (process.env.FC_STATS)
        console.log(
          [...tally]
            .sort()
            .map(([k, n]) => `${String(n).padStart(6)}  ${k}`)
            .join('\n'),
        );
    },
    60_000 + RUNS * 3000,
  );
});
