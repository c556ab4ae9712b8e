// requisitions.* (要货单): drafts by the keeper, statistician or manager; the manager's PIN signs,
// cancels or closes short. "Today" for late lines is the office's calendar date.

import { actor, managerSignoff, type Handlers, type WriteCtx } from '../context';
import { requisitionPdf, requisitionXlsx } from './files';
import { createRequisition, endRequisition, listRequisitions, requisitionView, signRequisition, updateRequisition, type ReqWriter } from './service';

const writer = (ctx: WriteCtx, userId = actor(ctx).id): ReqWriter => ({ db: ctx.db, businessDate: ctx.businessDate, nowIso: ctx.nowIso, userId });

export const requisitionsHandlers = {
  'requisitions.create': (input, ctx) => {
    const id = createRequisition(writer(ctx), input);
    const r = requisitionView(ctx.db, id, ctx.calendarDate);
    ctx.auditRef = r.no;
    return r;
  },
  'requisitions.update': (input, ctx) => {
    updateRequisition(ctx.db, input);
    const r = requisitionView(ctx.db, input.requisitionId, ctx.calendarDate);
    ctx.auditRef = r.no;
    return r;
  },
  'requisitions.sign': (input, ctx) => {
    const m = managerSignoff(ctx, input.manager);
    const row = signRequisition(writer(ctx), input.requisitionId, m);
    ctx.auditRef = `${row.no} 签发 ${m.name}`;
    return requisitionView(ctx.db, row.id, ctx.calendarDate);
  },
  'requisitions.cancel': (input, ctx) => {
    const m = managerSignoff(ctx, input.manager);
    const row = endRequisition(writer(ctx), input, 'cancelled', m, ctx.calendarDate);
    ctx.auditRef = `${row.no} 取消 ${m.name}`;
    return requisitionView(ctx.db, row.id, ctx.calendarDate);
  },
  'requisitions.close': (input, ctx) => {
    const m = managerSignoff(ctx, input.manager);
    const row = endRequisition(writer(ctx), input, 'closed', m, ctx.calendarDate);
    ctx.auditRef = `${row.no} 短收结案 ${m.name}`;
    return requisitionView(ctx.db, row.id, ctx.calendarDate);
  },
  'requisitions.get': (input, ctx) => requisitionView(ctx.db, input.requisitionId, ctx.calendarDate),
  'requisitions.pdf': (input, ctx) => requisitionPdf(ctx.db, requisitionView(ctx.db, input.requisitionId, ctx.calendarDate), ctx.nowIso),
  'requisitions.xlsx': (input, ctx) => requisitionXlsx(ctx.db, requisitionView(ctx.db, input.requisitionId, ctx.calendarDate), ctx.now),
  'requisitions.list': (input, ctx) => listRequisitions(ctx.db, ctx.calendarDate, input),
} satisfies Partial<Handlers>;
