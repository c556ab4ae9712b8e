// import.*: reading a file into checked rows, committing them, and the templates.

import type { Handlers } from '../context';
import { sheetXlsx } from '../export/xlsx';
import { SHEET_COLUMNS, SHEET_TITLE } from '../../../shared/sheets';
import { readSheet } from './parse';
import { checkRows, requireImportAccess } from './rules';
import { commitImport } from './service';

export const importHandlers = {
  'import.preview': async (input, ctx) => {
    requireImportAccess(ctx, input.kind);
    const sheet = await readSheet(input.kind, input.fileName, input.fileBase64);
    const rows = checkRows(ctx, input.kind, sheet.rows);
    return { kind: input.kind, encoding: sheet.encoding, rows, problemRows: rows.filter((r) => r.problems.length > 0).length };
  },
  'import.commit': (input, ctx) => commitImport(ctx, input),
  'import.template': (input) => {
    const columns = SHEET_COLUMNS[input.kind].map((c) => ({ header: c.zh, format: c.format }));
    const title = `${SHEET_TITLE[input.kind][0]}导入模板`;
    return { fileName: `${title}.xlsx`, base64: sheetXlsx({ title, columns, rows: [], filters: [] }) };
  },
} satisfies Partial<Handlers>;
