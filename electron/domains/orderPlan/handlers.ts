// orderPlan.* (订货规划表): the plan reckoned as of the business day; drafts saved by the keeper,
// statistician or manager; the manager's PIN signs; the manager sets HQ's lead times.

import { actor, managerSignoff, type Handlers } from '../context';
import { computePlan, leadDefault, planView, plans, savePlan, setLeadDays, signPlan } from './service';

export const orderPlanHandlers = {
  'orderPlan.compute': (input, ctx) => ({
    asOf: ctx.businessDate,
    windowDays: input.windowDays,
    coverDays: input.coverDays,
    leadDefault: leadDefault(ctx.db),
    rows: computePlan(ctx.db, ctx.businessDate, input),
  }),
  'orderPlan.save': (input, ctx) => {
    const id = savePlan({ db: ctx.db, asOf: ctx.businessDate, nowIso: ctx.nowIso, userId: actor(ctx).id }, input);
    ctx.auditRef = `订货规划 #${id}`;
    return planView(ctx.db, id);
  },
  'orderPlan.sign': (input, ctx) => {
    const m = managerSignoff(ctx, input.manager);
    signPlan(ctx.db, input.planId, { id: m.id, at: ctx.nowIso });
    ctx.auditRef = `订货规划 #${input.planId} 签字 ${m.name}`;
    return planView(ctx.db, input.planId);
  },
  'orderPlan.get': (input, ctx) => planView(ctx.db, input.planId),
  'orderPlan.list': (input, ctx) => plans(ctx.db, input),
  'orderPlan.setLeadDays': (input, ctx) => {
    const r = setLeadDays(ctx.db, input);
    ctx.auditRef = `到货周期 ${r.itemId ?? '默认'} → ${r.leadDays ?? '默认'}`;
    return r;
  },
} satisfies Partial<Handlers>;
