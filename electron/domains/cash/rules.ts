// The rules of cash.* beside the contract's `access`: which journal rows finance may reverse with
// a red voucher (红字) here. Rules read; they never write.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { isJournalReversed, journalRow, type JournalDbRow } from '../../ledger/journal';

/** Only these causes are reversed by cash.reverse; every other row follows its own document. */
const REVERSIBLE_CAUSES = ['remittance', 'topup', 'collection'];

/**
 * The journal row a red voucher may reverse: a remittance, a top-up or a collection that is not
 * itself red and not yet reversed. The money of a slip follows the slip, an expense payment its
 * claim, and a close-of-day over/short stands.
 */
export function reversibleJournalRow(db: ReadableDB, entryId: number): JournalDbRow {
  const row = (journalRow(db, entryId) as JournalDbRow | undefined) ?? fail('not_found', { what: 'journal entry', what_zh: '凭证', key: entryId });
  if (row.reverses_id !== null)
    fail('entry_not_reversible', { voucherNo: row.voucher_no, reason_zh: '这是一张红字凭证', reason_en: 'it is itself a red reversal' });
  if (isJournalReversed(db, row.id)) fail('entry_already_reversed', { voucherNo: row.voucher_no });
  if (!REVERSIBLE_CAUSES.includes(row.cause)) {
    const how =
      row.contra_kind === 'slip'
        ? { zh: '单据的收付款随单据作废或红字冲销', en: 'money of a slip is reversed by voiding or reversing the slip' }
        : row.contra_kind === 'expense'
          ? { zh: '报销付款请作废报销单', en: 'void the expense claim instead' }
          : row.contra_kind === 'advance'
            ? { zh: '借支及其退回请在借支页冲销', en: 'reverse an advance or its return on the advances tab' }
            : { zh: '日结长短款不能冲销', en: 'a close-of-day over/short cannot be reversed' };
    fail('entry_not_reversible', { voucherNo: row.voucher_no, reason_zh: how.zh, reason_en: how.en });
  }
  return row;
}
