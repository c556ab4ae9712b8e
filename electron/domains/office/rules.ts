// The rules of office.init: once only, with a timezone the office's clock can use.

import { DeskError, fail } from '../../../shared/errors';
import { isValidTimezone } from '../../ledger/dates';
import type { ReadableDB } from '../../store/db';
import { officeRow } from './repo';

export function requireNoOffice(db: ReadableDB): void {
  if (officeRow(db)) fail('office_already_initialised');
}

export function requireTimezone(tz: string): void {
  if (!isValidTimezone(tz)) throw new DeskError('invalid_input', { summary_zh: `时区「${tz}」无效`, summary_en: `unknown timezone "${tz}"` });
}
