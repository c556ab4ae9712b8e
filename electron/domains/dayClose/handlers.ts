// dayClose.*: the close of day (日清日结): count the cash, reconcile, countersign, lock the day.

import { actor, bookCtx, managerSignoff, signoff, type Handlers } from '../context';
import { listDifferences, settleDifference } from './differences';
import { reopenDay } from './reopen';
import { closeDay, dayStatus, listCloses, preview } from './service';

export const dayCloseHandlers = {
  // "today" here is the calendar day, not the business date postings go to: after today is closed,
  // postings go to tomorrow, but tomorrow is not over and cannot be closed yet (rules.ts)
  'dayClose.preview': (input, ctx) => preview(ctx.db, input.date ?? ctx.calendarDate, ctx.calendarDate),
  'dayClose.close': (input, ctx) => {
    const finance = signoff(ctx, input.finance, 'finance');
    const statistician = signoff(ctx, input.statistician, 'statistician');
    const manager = input.managerApproval ? signoff(ctx, input.managerApproval, 'manager') : null;
    const me = actor(ctx);
    const r = closeDay(bookCtx(ctx), input, { closedBy: { id: me.id, name: me.name }, finance, statistician, manager }, ctx.calendarDate, ctx.dbPath);
    ctx.auditRef = `${r.date} ${r.result}`;
    return r;
  },
  'dayClose.reopen': (input, ctx) => {
    const manager = managerSignoff(ctx, input.manager);
    const r = reopenDay(bookCtx(ctx, manager.id), input, manager);
    ctx.auditRef = `${r.date} 反日结 ${manager.name}`;
    return r;
  },
  'dayClose.differences': (input, ctx) => listDifferences(ctx.db, input),
  'dayClose.settleDifference': (input, ctx) => {
    const manager = managerSignoff(ctx, input.manager);
    const r = settleDifference(bookCtx(ctx, manager.id), input);
    ctx.auditRef = `${r.date} ${r.result} ${input.decision}`;
    return r;
  },
  'dayClose.list': (input, ctx) => listCloses(ctx.db, input),
  'dayClose.status': (_input, ctx) => ({ ...dayStatus(ctx.db, ctx.calendarDate), businessDate: ctx.businessDate }),
} satisfies Partial<Handlers>;
