// export.xlsx: the rows a grid shows, as an XLSX the clerk saves.

import { dateTimeIn } from '../../../shared/time';
import type { Handlers } from '../context';
import { officeRow } from '../office/repo';
import { sheetXlsx } from './xlsx';

export const exportHandlers = {
  'export.xlsx': async (input, ctx) => {
    const exportedAt = dateTimeIn(ctx.now, officeRow(ctx.db)?.timezone ?? 'Asia/Shanghai');
    return { fileName: `${input.title}_${ctx.calendarDate}.xlsx`, base64: await sheetXlsx(input, exportedAt) };
  },
} satisfies Partial<Handlers>;
