// counts.* (盘点): start a count, count by scanning or typing, recount, causes and costs, the
// variance report, the manager's approval that posts it, its 红字, and the office's settings.

import { actor, type Ctx, type Handlers } from '../context';
import * as repo from './repo';
import { requireVarianceVisible, seesBook } from './rules';
import { approveCount, createCount, editLine, enterCount, finishCount, recountLine, reverseCount } from './service';
import { varianceOf } from './variance';
import { countPaper } from './paper';

/** The count with its lines as the caller may see them (盲盘: no book quantity for counters). */
function countWithLines(ctx: Ctx, countId: number) {
  const c = repo.countRow(ctx.db, countId);
  const book = seesBook(c, actor(ctx).roles);
  const entries = repo.entriesOf(ctx.db, c.id);
  return { count: repo.countView(ctx.db, c.id), lines: repo.lineRows(ctx.db, c.id).map((l) => repo.lineOut(l, entries.get(l.id) ?? [], book)) };
}

export const countsHandlers = {
  'counts.create': (input, ctx) => {
    const count = repo.countView(ctx.db, createCount(ctx, actor(ctx), input));
    ctx.auditRef = `${count.no} ${count.lineCount}`;
    return count; // the lines are read with counts.view (a month-end count has thousands)
  },
  'counts.list': (input, ctx) => repo.listCounts(ctx.db, input),
  'counts.view': (input, ctx) => countWithLines(ctx, input.countId),
  'counts.enter': (input, ctx) => {
    const line = enterCount(ctx, actor(ctx), input);
    ctx.auditRef = `${repo.countRow(ctx.db, input.countId).no} ${line.itemCode} ${line.countedQty}`;
    return line;
  },
  'counts.finish': (input, ctx) => {
    const c = finishCount(ctx, input.countId);
    ctx.auditRef = c.no;
    return repo.countView(ctx.db, c.id);
  },
  'counts.recount': (input, ctx) => {
    const line = recountLine(ctx, actor(ctx), input);
    ctx.auditRef = `${repo.countRow(ctx.db, input.countId).no} ${line.itemCode} ${line.recountQty}`;
    return line;
  },
  'counts.setCause': (input, ctx) => {
    const line = editLine(ctx, actor(ctx), input, (id) => repo.setCause(ctx.db, id, input.cause, input.causeText));
    ctx.auditRef = `${repo.countRow(ctx.db, input.countId).no} ${line.itemCode} ${input.cause}`;
    return line;
  },
  'counts.setCost': (input, ctx) => {
    const line = editLine(ctx, actor(ctx), input, (id) => repo.setUnitCost(ctx.db, id, input.unitCostFen));
    ctx.auditRef = `${repo.countRow(ctx.db, input.countId).no} ${line.itemCode} ${input.unitCostFen ?? '-'}`;
    return line;
  },
  'counts.variance': (input, ctx) => {
    const c = repo.countRow(ctx.db, input.countId);
    requireVarianceVisible(c, actor(ctx).roles);
    return varianceOf(ctx.db, c);
  },
  'counts.approve': (input, ctx) => {
    ctx.auditRef = approveCount(ctx, actor(ctx), input.countId, input.signoff);
    return varianceOf(ctx.db, repo.countRow(ctx.db, input.countId));
  },
  'counts.reverse': (input, ctx) => {
    const me = actor(ctx);
    const u = ctx.auth.checkPin(ctx.db, me.id, input.pin);
    ctx.auditRef = reverseCount(ctx, me, input.countId, input.reason, { id: u.id, name: u.name });
    return repo.countView(ctx.db, input.countId);
  },
  'counts.paper': (input, ctx) => {
    if (input.paper === 'report') requireVarianceVisible(repo.countRow(ctx.db, input.countId), actor(ctx).roles);
    return countPaper(ctx.db, input.countId, input.paper, ctx.nowIso);
  },
  'counts.settings': (_input, ctx) => repo.countSettings(ctx.db),
  'counts.setSettings': (input, ctx) => {
    repo.setCountSettings(ctx.db, input);
    ctx.auditRef = `${input.countMode} recount=${input.countRecount}`;
    return repo.countSettings(ctx.db);
  },
} satisfies Partial<Handlers>;
