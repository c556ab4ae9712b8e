// opening.*: thin — the session's user in, the service books, the status out.

import { actor, bookCtx, type Handlers } from '../context';
import { openingStatus } from './repo';
import { addOpeningReceivables, postOpeningStock, setOpeningCash } from './service';

export const openingHandlers = {
  'opening.status': (_input, ctx) => openingStatus(ctx.db, ctx.businessDate),
  'opening.postStock': (input, ctx) => {
    ctx.auditRef = postOpeningStock(ctx, input.lines, input.signoff, actor(ctx).id);
    return openingStatus(ctx.db, ctx.businessDate);
  },
  'opening.addReceivables': (input, ctx) => {
    ctx.auditRef = `期初应收 ${addOpeningReceivables(bookCtx(ctx), input.lines)} 笔`;
    return openingStatus(ctx.db, ctx.businessDate);
  },
  'opening.setCash': (input, ctx) => {
    setOpeningCash(bookCtx(ctx), input.lines);
    ctx.auditRef = `期初资金 ${input.lines.map((l) => l.account).join(',')}`;
    return openingStatus(ctx.db, ctx.businessDate);
  },
} satisfies Partial<Handlers>;
