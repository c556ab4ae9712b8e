// The keeper's daily check (每日对账, dailyCheck.*): at the close of day the keeper sees the items
// that moved on the business day with their book balance, counts where in doubt, and confirms. A
// shortage found opens a draft write-off (报损单) for the manager to sign — the books never change
// without a signed slip; a surplus is recorded for the next count. The close of day shows whether
// the check was done and by whom.

import { z } from 'zod';
import { DateStr, Id, MAX_QTY, Person, STOCK_READERS, method } from './common';

export const DailyCheckLine = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  location: z.string(),
  /** what came in and went out on the day (reversals netted) */
  inQty: z.number().int(),
  outQty: z.number().int(),
  /** the book balance at the end of the day (now, for today) */
  bookQty: z.number().int(),
});
export type DailyCheckLine = z.infer<typeof DailyCheckLine>;

export const DailyCheckDifference = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  bookQty: z.number().int(),
  countedQty: z.number().int(),
});

export const DailyCheckRecord = z.object({
  date: z.string(),
  by: Person,
  at: z.string(),
  /** how many items moved that day and were checked */
  items: z.number().int(),
  differences: z.array(DailyCheckDifference),
  /** the draft write-off the shortages opened, if any */
  writeoff: z.object({ id: Id, no: z.string() }).nullable(),
});
export type DailyCheckRecord = z.infer<typeof DailyCheckRecord>;

export const dailyCheckMethods = {
  'dailyCheck.day': method({
    input: z.object({ date: DateStr.optional() }),
    output: z.object({ date: z.string(), lines: z.array(DailyCheckLine), check: DailyCheckRecord.nullable() }),
    access: STOCK_READERS,
    write: false,
    doc: '每日对账: the items that moved on the business day (default today) with their book balance, and the keeper’s check if done.',
  }),
  'dailyCheck.confirm': method({
    input: z.object({
      /** only the lines counted differently from the book: counted quantity per item */
      differences: z
        .array(z.object({ itemId: Id, countedQty: z.number().int().min(0).max(MAX_QTY) }))
        .max(2000)
        .optional(),
    }),
    output: DailyCheckRecord,
    access: ['keeper'],
    write: true,
    doc: 'The keeper confirms today’s check, once; shortages open a draft write-off for the manager to sign, surpluses are recorded for the next count.',
  }),
} as const;
