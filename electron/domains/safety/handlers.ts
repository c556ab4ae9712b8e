// safety.* (安全库存定额): the table, the keeper's or statistician's proposal, the manager's decision with the PIN.

import { actor, signoff, type Handlers } from '../context';
import { decide, proposals, propose, safetyTable } from './service';

export const safetyHandlers = {
  'safety.table': (input, ctx) => safetyTable(ctx.db, ctx.businessDate, input),
  'safety.proposals': (input, ctx) => proposals(ctx.db, input),
  'safety.propose': (input, ctx) => {
    const p = propose({ db: ctx.db, asOf: ctx.businessDate, nowIso: ctx.nowIso, userId: actor(ctx).id }, input);
    ctx.auditRef = `${p.itemCode} ${p.fromQty} → ${p.qty}`;
    return p;
  },
  'safety.decide': (input, ctx) => {
    const m = signoff(ctx, input.manager, 'manager');
    const p = decide(ctx.db, input, { id: m.id, name: m.name, at: ctx.nowIso });
    ctx.auditRef = `${p.itemCode} ${p.fromQty} → ${p.qty} ${input.approve ? '批准' : '驳回'} ${m.name}`;
    return p;
  },
} satisfies Partial<Handlers>;
