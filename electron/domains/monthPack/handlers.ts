// monthPack.*: what the month lacks, the banner, the manager's signature, and the signed pack as
// JSON, PDF and XLSX.

import { actor, type Handlers } from '../context';
import { packFile, packPdf, packXlsx, requirePack } from './papers';
import { logPackPrint } from './repo';
import { bannerMonth, monthProblems, monthSpan } from './rules';
import { packStatus, signPack } from './service';

export const monthPackHandlers = {
  'monthPack.status': (input, ctx) => packStatus(ctx.db, input.month, ctx.calendarDate),
  'monthPack.banner': (_input, ctx) => {
    const month = bannerMonth(ctx.db, actor(ctx), ctx.calendarDate);
    return month ? { month, problems: monthProblems(ctx.db, month, ctx.calendarDate) } : null;
  },
  'monthPack.sign': (input, ctx) => signPack(ctx, input.month, input.pin),
  'monthPack.export': (input, ctx) => packFile(ctx.db, input.month),
  'monthPack.pdf': (input, ctx) => packPdf(ctx.db, input.month, actor(ctx).name),
  'monthPack.recordPrint': (input, ctx) => {
    const r = requirePack(ctx.db, input.month);
    const printNo = logPackPrint(ctx.db, { ...monthSpan(input.month), sha256: r.sha256, at: ctx.nowIso, by: actor(ctx).id });
    ctx.auditRef = `月报 ${input.month} 第 ${printNo} 次打印`;
    return { printNo };
  },
  'monthPack.xlsx': (input, ctx) => packXlsx(ctx.db, input.month),
} satisfies Partial<Handlers>;
