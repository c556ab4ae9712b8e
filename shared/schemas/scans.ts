// Scans (scans.*): what a scanned GS1 element string says, read in the core for every scanner alike
// (a keyboard-wedge scan the renderer caught, a HID-POS scan the main process caught): the GTIN the
// item is looked up by, the batch (AI 10), the expiry (AI 17) and whether it has passed in the
// office's calendar, the serial (AI 21), and the count (AI 30 / AI 37) a scan adds instead of 1.

import { z } from 'zod';
import { Text, method } from './common';

export const Gs1FieldsSchema = z.object({
  gtin: z.string().optional(),
  batch: z.string().optional(),
  expiry: z.string().optional(),
  serial: z.string().optional(),
  count: z.number().int().optional(),
});

export const ScanRead = z.object({
  /** what the item is looked up by: the GTIN-14 of a GS1 symbol, else the code as scanned */
  code: z.string(),
  gs1: Gs1FieldsSchema.nullable(),
  /** the expiry (AI 17) is before the office's today */
  expired: z.boolean(),
});
export type ScanRead = z.infer<typeof ScanRead>;

export const scansMethods = {
  'scans.read': method({
    /** the scanned text, its AIM id first when the scanner sends one (]C1, ]d2 …), each FNC1 / GS written as | */
    input: z.object({ code: Text(400).min(1) }),
    output: ScanRead,
    access: 'any',
    write: false,
    doc: 'Read a scanned GS1 element string (GTIN, batch, expiry and whether it has passed, serial, count); a code that is no GS1 string comes back as it is.',
  }),
} as const;
