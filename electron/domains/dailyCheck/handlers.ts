// dailyCheck.* (每日对账): the day's moved items for everyone who reads stock; the keeper's confirmation.

import { actor, type Handlers } from '../context';
import { confirmDailyCheck, dailyCheckDay } from './service';

export const dailyCheckHandlers = {
  'dailyCheck.day': (input, ctx) => dailyCheckDay(ctx.db, input.date ?? ctx.businessDate),
  'dailyCheck.confirm': (input, ctx) => {
    const r = confirmDailyCheck({ db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, actor: actor(ctx) }, input.differences ?? []);
    ctx.auditRef = `${r.date} 差异 ${r.differences.length}${r.writeoff ? ` → ${r.writeoff.no}` : ''}`;
    return r;
  },
} satisfies Partial<Handlers>;
