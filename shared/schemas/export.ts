// Exporting a whole grid from the main process (export.grid): the grid's own read method's filters
// go in, the core reads every row the filters give (no paging, not just the page on screen) and
// answers the XLSX. The grids the renderer holds in full (items, stock overview, aging) send their
// rows through export.xlsx instead (shared/schemas/import.ts).

import { z } from 'zod';
import { method } from './common';
import { cashMethods } from './cash';
import { receivablesMethods } from './receivables';
import { reportsMethods } from './reports';
import { slipsMethods } from './slips';
import { stockMethods } from './stock';

/** The grids exported by query, each with the filters of the read method that fills it on screen. */
export const EXPORT_GRIDS = ['stockCard', 'slips', 'cashJournal', 'receivables', 'salesLedger'] as const;
export type ExportGrid = (typeof EXPORT_GRIDS)[number];

const paging = { limit: true, offset: true } as const;

export const GridExportInput = z.discriminatedUnion('grid', [
  z.object({ grid: z.literal('stockCard'), filters: stockMethods['stock.card'].input.omit({ cursor: true, direction: true, limit: true }) }),
  z.object({ grid: z.literal('slips'), filters: slipsMethods['slips.list'].input.omit(paging) }),
  z.object({ grid: z.literal('cashJournal'), filters: cashMethods['cash.journal'].input.omit(paging) }),
  z.object({ grid: z.literal('receivables'), filters: receivablesMethods['receivables.ledger'].input.omit(paging) }),
  z.object({ grid: z.literal('salesLedger'), filters: reportsMethods['reports.salesLedger'].input.omit(paging) }),
]);
export type GridExportInput = z.infer<typeof GridExportInput>;

export const exportMethods = {
  'export.grid': method({
    input: GridExportInput,
    output: z.object({ fileName: z.string(), base64: z.string(), rowCount: z.number().int() }),
    // whoever may not call the grid's read method may not export it: export/rules.ts asks its access
    access: 'any',
    write: false,
    doc: 'A whole grid (stock card, slips, cash journal, customer ledger, sales ledger) with its filters as XLSX: Chinese headers, yuan as numbers with two decimals, the filters on 说明.',
  }),
} as const;
