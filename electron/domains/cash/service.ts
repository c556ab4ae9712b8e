// The finance desk's own money movements: remittance of takings to the company (交回公司货款),
// petty-cash top-ups (备用金拨入), and the red reversal of those and of collections; with the
// accounts and a slip's money as the screens read them. The journal page is repo.ts `journal`.

import type { ReadableDB } from '../../store/db';
import { MONEY_ACCOUNT_ZH, MONEY_ACCOUNTS, type JournalRow, type MoneyAccount } from '../../../shared/contract';
import { appendJournal, entryRow, reverseEntry, reverseJournal, type BookCtx } from '../../ledger/journal';
import { journalRowsOfSlip, journalViewById, lastJournalDate, lastJournalRow } from './repo';
import { reversibleJournalRow } from './rules';
import { collectionEntryOf, entriesOfSlip } from '../receivables/repo';

export function accounts(db: ReadableDB) {
  return MONEY_ACCOUNTS.map((account) => {
    const last = lastJournalRow(db, account);
    return {
      account,
      name: MONEY_ACCOUNT_ZH[account],
      kind: account === 'cash' ? ('cash' as const) : ('noncash' as const),
      balanceFen: last?.balance_after_fen ?? 0,
      lastDate: lastJournalDate(db, account),
    };
  });
}

export function moneyOfSlip(db: ReadableDB, slipId: number) {
  const j = journalRowsOfSlip(db, slipId).map((r) => journalViewById(db, r.id));
  const e = entriesOfSlip(db, slipId);
  const netReceivedFen = j.reduce((s, r) => s + (r.receiptFen ?? 0) - (r.paymentFen ?? 0), 0);
  const netReceivableFen = e.reduce((s, r) => s + (r.debitFen ?? 0) - (r.creditFen ?? 0), 0);
  return { journal: j, receivables: e, netReceivedFen, netReceivableFen };
}

export function remit(b: BookCtx, account: MoneyAccount, amountFen: number, memo: string): JournalRow {
  const row = appendJournal(b, {
    account,
    direction: 'out',
    amountFen,
    cause: 'remittance',
    contraKind: 'remittance',
    summary: `交回公司货款(${MONEY_ACCOUNT_ZH[account]})`,
    memo,
  });
  return journalViewById(b.db, row.id);
}

export function topUp(b: BookCtx, account: MoneyAccount, amountFen: number, memo: string): JournalRow {
  const row = appendJournal(b, {
    account,
    direction: 'in',
    amountFen,
    cause: 'topup',
    contraKind: 'topup',
    summary: `公司拨入备用金(${MONEY_ACCOUNT_ZH[account]})`,
    memo,
  });
  return journalViewById(b.db, row.id);
}

/** 红字 of a remittance, a top-up or a collection (with its receivable entry and allocations). */
export function reverseVoucher(b: BookCtx, entryId: number, reason: string): { original: JournalRow; reversal: JournalRow } {
  const { db } = b;
  const row = reversibleJournalRow(db, entryId);
  if (row.cause === 'collection') {
    const entry = collectionEntryOf(db, row.id);
    if (entry) reverseEntry(b, entryRow(db, entry.id), `冲销 ${entry.summary}: ${reason}`);
  }
  const red = reverseJournal(b, row, `冲销 ${row.summary}: ${reason}`);
  return { original: journalViewById(db, row.id), reversal: journalViewById(db, red.id) };
}
