// Importing master data from XLSX / CSV (import.*) and exporting any grid to XLSX (export.xlsx).

import { z } from 'zod';
import { Base64, BoundedRecord, method, MultiLineText, PinSignoff, Text } from './common';
import { MAX_FEN } from '../money';
import { IMPORT_KINDS } from '../sheets';

/** The largest file an import takes: its base64 must fit the rpc envelope (1 MB) with room to spare. */
export const MAX_IMPORT_BYTES = 720 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** The most rows a sheet has (Excel's own limit): a row's number in the file. */
const MAX_SHEET_ROWS = 1_048_576;
/** The most rows one export writes (a long stock card). */
export const MAX_EXPORT_ROWS = 200_000;

/** Who may import at all; each kind is checked against its own method (IMPORT_ACCESS_METHOD in shared/sheets.ts). */
const IMPORTERS = ['keeper', 'statistician', 'manager', 'sales', 'finance'] as const;

const ImportKindSchema = z.enum(IMPORT_KINDS);
const Cells = BoundedRecord(Text(40), Text(300), 60);

export const ImportProblem = z.object({ field: z.string(), code: z.string(), message_zh: z.string(), message_en: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;
export const ImportRow = z.object({ rowNo: z.number().int(), cells: z.record(z.string(), z.string()), problems: z.array(ImportProblem) });
export type ImportRow = z.infer<typeof ImportRow>;

const ExportCell = z.union([MultiLineText(1000), z.number().min(-MAX_FEN).max(MAX_FEN), z.null()]);

export const importMethods = {
  'import.preview': method({
    input: z.object({
      kind: ImportKindSchema,
      fileName: Text(200),
      fileBase64: Base64(Math.ceil(MAX_IMPORT_BYTES / 3) * 4).min(1),
    }),
    output: z.object({ kind: ImportKindSchema, encoding: z.string(), rows: z.array(ImportRow), problemRows: z.number().int() }),
    access: IMPORTERS,
    write: false,
    doc: 'Read an XLSX or CSV (GBK or UTF-8) file and mark every row’s problems at once; nothing is written.',
  }),
  'import.commit': method({
    input: z.object({
      kind: ImportKindSchema,
      fileName: Text(200),
      rows: z
        .array(z.object({ rowNo: z.number().int().min(1).max(MAX_SHEET_ROWS), cells: Cells }))
        .min(1)
        .max(MAX_IMPORT_ROWS),
      /** the manager's signature: the opening stock import posts the opening slip (期初入库单) */
      signoff: PinSignoff.optional(),
    }),
    output: z.object({ kind: ImportKindSchema, imported: z.number().int() }),
    access: IMPORTERS,
    write: true,
    doc: 'Import the previewed rows in one transaction; refused whole unless every row is valid. The opening kinds book through the opening domain (the stock as the opening slip, signed by the manager).',
  }),
  'import.template': method({
    input: z.object({ kind: ImportKindSchema }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: IMPORTERS,
    write: false,
    doc: 'An empty XLSX with the Chinese headers of one import kind.',
  }),
  'export.xlsx': method({
    input: z.object({
      title: Text(60).min(1),
      filters: z
        .array(z.object({ label: Text(40), value: Text(200) }))
        .max(20)
        .default([]),
      columns: z
        .array(z.object({ header: Text(60), format: z.enum(['text', 'int', 'yuan']) }))
        .min(1)
        .max(60),
      rows: z.array(z.array(ExportCell).max(60)).max(MAX_EXPORT_ROWS),
    }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    access: 'any',
    write: false,
    doc: 'The rows a grid shows, after its filters, as an XLSX with Chinese headers and yuan amounts as numbers with two decimals.',
  }),
} as const;
