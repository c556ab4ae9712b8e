// scans.read: a scanned GS1 element string, read by the one GS1 reader and dated against the
// office's calendar. The wedge and HID paths send it the same text.

import type { Handlers } from '../context';
import { readScan } from './service';

export const scansHandlers = {
  'scans.read': (input, ctx) => readScan(input.code, ctx.calendarDate),
} satisfies Partial<Handlers>;
