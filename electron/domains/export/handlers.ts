// export.xlsx: the rows a grid shows, as an XLSX the clerk saves (grids the renderer holds whole).
// export.grid: a paged or long grid read whole in the core with the grid's filters (grids.ts).

import { dateTimeIn } from '../../../shared/time';
import type { Handlers } from '../context';
import { officeRow } from '../office/repo';
import { gridSheet } from './grids';
import { requireGridReader } from './rules';
import { readerOf } from '../reads/scope';
import { sheetXlsx } from './xlsx';

export const exportHandlers = {
  'export.xlsx': (input, ctx) => {
    const exportedAt = dateTimeIn(ctx.now, officeRow(ctx.db)?.timezone ?? 'Asia/Shanghai');
    return { fileName: `${input.title}_${ctx.calendarDate}.xlsx`, base64: sheetXlsx(input, exportedAt) };
  },
  'export.grid': (input, ctx) => {
    requireGridReader(input.grid, ctx.user);
    const timezone = officeRow(ctx.db)?.timezone ?? 'Asia/Shanghai';
    const sheet = gridSheet({ db: ctx.db, timezone, today: ctx.calendarDate, reader: readerOf(ctx) }, input);
    const base64 = sheetXlsx(sheet, dateTimeIn(ctx.now, timezone));
    return { fileName: `${sheet.title}_${ctx.calendarDate}.xlsx`, base64, rowCount: sheet.rows.length };
  },
} satisfies Partial<Handlers>;
