// cash.*: the money accounts and their journal (现金日记账 and the same for WeChat, Alipay, the bank).

import { bookCtx, type Handlers } from '../context';
import { slipRow } from '../slips/repo';
import { readerOf, requireSlipInReach } from '../reads/scope';
import { journal } from './repo';
import { accounts, moneyOfSlip, remit, reverseVoucher, topUp } from './service';

export const cashHandlers = {
  'cash.accounts': (_input, ctx) => accounts(ctx.db),
  'cash.journal': (input, ctx) => journal(ctx.db, input),
  'cash.bySlip': (input, ctx) => {
    const row = slipRow(ctx.db, input.slipId);
    requireSlipInReach(ctx.db, readerOf(ctx), row.id, row.no); // 保密制度: a salesperson, their own customers' slips
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
} satisfies Partial<Handlers>;
