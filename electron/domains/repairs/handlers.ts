// repairs.* (维修记录): defective stock a repair may take, record a repair (its slip made at once),
// the records, and the quality problems per item (产品质量问题) on screen, as PDF and as XLSX.

import { actor, type Handlers } from '../context';
import { readerOf } from '../reads/scope';
import { defectiveRows, listRepairs, qualityRows, repairView } from './repo';
import { createRepair } from './service';
import { qualityPdf, qualitySheetXlsx } from './quality';
import { officeInfo } from '../documents/service';

export const repairsHandlers = {
  'repairs.defective': (_input, ctx) => ({ rows: defectiveRows(ctx.db) }),
  'repairs.create': (input, ctx) => {
    const made = createRepair(ctx, actor(ctx), input);
    ctx.auditRef = made.auditRef;
    return repairView(ctx.db, made.id, readerOf(ctx).scope.seesCosts);
  },
  'repairs.list': (input, ctx) => listRepairs(ctx.db, input, readerOf(ctx).scope.seesCosts),
  'repairs.quality': (input, ctx) => ({ from: input.from, to: input.to, rows: qualityRows(ctx.db, input.from, input.to) }),
  'repairs.qualityPdf': (input, ctx) => qualityPdf(ctx.db, input, actor(ctx).name, ctx.nowIso),
  'repairs.qualityXlsx': (input, ctx) => qualitySheetXlsx(ctx.db, input, ctx.nowIso, officeInfo(ctx.db).timezone),
} satisfies Partial<Handlers>;
