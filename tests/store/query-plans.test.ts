// The query plans the design's speed rests on. A stock card is a range read on (item_id, id), a
// date maps to a move id through stock_moves_date, on-hand is one index seek per item, aging reads
// only the open receivable items (a partial index), and the day close sums one day through the
// date and account indexes. Each case calls the core on a fresh connection (sql() caches prepared
// statements per connection), records the SQL the call prepares, and runs EXPLAIN QUERY PLAN on
// each statement: no big table is fully scanned, and the statements that matter use the index
// named here. The stock card's last page (the backward cursor) reads the same index backwards, and
// its 本月合计 / 本年累计 read stock_month_totals by its key. The last test drops those indexes one by one and shows the check catches each loss.
//
// No ANALYZE runs on the desk's databases, so the plans here do not depend on how much data the
// test makes; if sqlite_stat1 ever appears, these plans should be checked on realistic volumes.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import type { DB } from '../../electron/store/db';
import type { Input, MethodName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { dayAt, financeOffice, must, postedDispatch, returnOf, type DemoOffice } from '../helpers/finance';
import { ok } from '../helpers/index';

/** Tables that grow with the office's history: never read whole. */
const BIG = new Set([
  'stock_moves',
  'stock_layers',
  'slips',
  'slip_lines',
  'signatures',
  'money_journal',
  'receivable_entries',
  'receivable_allocations',
  'receivable_items',
  'audit_log',
  'print_log',
  'stock_month_totals',
]);

/** A statement (found by a piece of its SQL, whitespace folded) and a line its plan must have. */
interface PlanRule {
  sql: string;
  plan: RegExp;
  /** this plan line may SCAN a big table: a scan over a partial index the design relies on */
  allowsScan?: boolean;
}

const RULES = {
  /** items.list: a page's barcodes in one read, one index seek per item */
  pageBarcodes: {
    sql: 'FROM item_barcodes WHERE item_id IN (SELECT value FROM json_each(?))',
    plan: /^SEARCH item_barcodes USING INDEX item_barcodes_item \(item_id=\?\)$/,
  },
  cardPage: {
    sql: 'FROM stock_moves m JOIN slips s ON s.id = m.slip_id',
    plan: /^SEARCH m USING INDEX stock_moves_item \(item_id=\? AND id>\? AND id<\?\)$/,
  },
  /** 其中次品 before the page: the moves of the item's defective layers, found by layer (0035) */
  cardDefective: {
    sql: 'FROM stock_layers l JOIN stock_moves m ON m.layer_id = l.id WHERE l.item_id = ? AND l.defective = 1',
    plan: /^SEARCH m USING INDEX stock_moves_layer \(layer_id=\? AND rowid<\?\)$/,
  },
  cardMonths: {
    sql: 'FROM stock_month_totals WHERE item_id = ? AND month >= ? AND month <= ?',
    plan: /^SEARCH stock_month_totals USING PRIMARY KEY \(item_id=\? AND month>\? AND month<\?\)$/,
  },
  cardMonthCut: {
    sql: 'FROM stock_moves m JOIN slips s ON s.id = m.slip_id LEFT JOIN slips src ON src.id = s.source_slip_id WHERE m.item_id = ?',
    plan: /^SEARCH m USING INDEX stock_moves_item \(item_id=\? AND id>\? AND id<\?\)$/,
  },
  balanceNow: {
    sql: 'FROM stock_moves WHERE item_id = ? ORDER BY id DESC LIMIT 1',
    plan: /^SEARCH stock_moves USING INDEX stock_moves_item \(item_id=\?\)$/,
  },
  firstMoveOnOrAfter: {
    sql: 'FROM stock_moves WHERE business_date >= ? ORDER BY business_date, id LIMIT 1',
    plan: /^SEARCH stock_moves USING COVERING INDEX stock_moves_date \(business_date>\?\)$/,
  },
  balanceBefore: {
    sql: 'FROM stock_moves WHERE item_id = ? AND id < ? ORDER BY id DESC LIMIT 1',
    plan: /^SEARCH stock_moves USING INDEX stock_moves_item \(item_id=\? AND id<\?\)$/,
  },
  onHandLastMove: {
    sql: 'LEFT JOIN stock_moves m ON m.id = (SELECT id FROM stock_moves WHERE item_id = i.id ORDER BY id DESC LIMIT 1)',
    plan: /^SEARCH stock_moves USING COVERING INDEX stock_moves_item \(item_id=\?\)$/,
  },
  onHandMoveRow: {
    sql: 'LEFT JOIN stock_moves m ON m.id = (SELECT id FROM stock_moves WHERE item_id = i.id ORDER BY id DESC LIMIT 1)',
    plan: /^SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/,
  },
  agingOpenItems: {
    sql: 'FROM receivable_items WHERE reversed = 0 AND settled_fen < amount_fen',
    plan: /^SCAN receivable_items USING COVERING INDEX receivable_items_open$/,
    allowsScan: true,
  },
  dayMoney: {
    sql: 'FROM money_journal WHERE account = ? AND business_date = ?',
    plan: /^SEARCH money_journal USING COVERING INDEX money_journal_account_date \(account=\? AND business_date=\?\)$/,
  },
  openingMoney: {
    sql: 'FROM money_journal WHERE account = ? AND business_date < ?',
    plan: /^SEARCH money_journal USING COVERING INDEX money_journal_account_date \(account=\? AND business_date<\?\)$/,
  },
  slipsOfDay: {
    sql: "FROM slips s WHERE s.kind = @kind AND s.state = 'posted' AND s.business_date = @d",
    plan: /^SEARCH s USING INDEX slips_kind_date \(kind=\? AND business_date=\?\)$/,
  },
  dayStockMoves: {
    sql: 'FROM stock_moves WHERE business_date = ?',
    plan: /^SEARCH stock_moves USING INDEX stock_moves_date \(business_date=\?\)$/,
  },
  dayStockValue: {
    sql: 'FROM stock_moves m WHERE m.item_id = i.id AND m.id < ?',
    plan: /^SEARCH m USING INDEX stock_moves_item \(item_id=\? AND id<\?\)$/,
  },
} satisfies Record<string, PlanRule>;

interface Case {
  who: Role;
  method: MethodName;
  input: (o: DemoOffice) => unknown;
  rules: PlanRule[];
}

const CASES = {
  'stock.card, first page': {
    who: 'keeper',
    method: 'stock.card',
    input: (o) => ({ itemId: o.itemId('CZ-8801'), limit: 2 }),
    rules: [RULES.cardPage, RULES.balanceNow, RULES.cardDefective],
  },
  'stock.card, a page after a cursor': {
    who: 'keeper',
    method: 'stock.card',
    input: (o) => ({ itemId: o.itemId('CZ-8801'), limit: 2, cursor: 3 }),
    rules: [RULES.cardPage, RULES.balanceNow],
  },
  'stock.card, the last page (backward cursor)': {
    who: 'keeper',
    method: 'stock.card',
    input: (o) => ({ itemId: o.itemId('CZ-8801'), limit: 2, direction: 'backward' }),
    rules: [RULES.cardPage, RULES.balanceNow, RULES.cardMonths],
  },
  'stock.card, a period cut inside a month (本月合计 from its moves)': {
    who: 'keeper',
    method: 'stock.card',
    input: (o) => ({ itemId: o.itemId('CZ-8801'), from: '2026-11-28', to: '2026-11-28' }),
    rules: [RULES.cardMonthCut, RULES.cardMonths],
  },
  'stock.card, from/to (dates mapped to move ids)': {
    who: 'keeper',
    method: 'stock.card',
    input: (o) => ({ itemId: o.itemId('CZ-8801'), from: '2026-11-28', to: '2026-11-28' }),
    rules: [RULES.firstMoveOnOrAfter, RULES.balanceBefore, RULES.cardPage],
  },
  'stock.onHand': {
    who: 'keeper',
    method: 'stock.onHand',
    input: () => ({}),
    rules: [RULES.onHandLastMove, RULES.onHandMoveRow],
  },
  'items.list': {
    who: 'keeper',
    method: 'items.list',
    input: () => ({ limit: 1000 }),
    rules: [RULES.pageBarcodes],
  },
  'receivables.aging': {
    who: 'finance',
    method: 'receivables.aging',
    input: () => ({}),
    rules: [RULES.agingOpenItems],
  },
  'dayClose.preview': {
    who: 'finance',
    method: 'dayClose.preview',
    input: () => ({}),
    rules: [RULES.dayMoney, RULES.openingMoney, RULES.slipsOfDay, RULES.dayStockMoves, RULES.firstMoveOnOrAfter, RULES.dayStockValue],
  },
} satisfies Record<string, Case>;

type CaseName = keyof typeof CASES;

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** EXPLAIN QUERY PLAN of a statement, its parameters bound to NULL (better-sqlite3 wants them all). */
function planOf(db: DB, text: string): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${text}`);
  let named: Record<string, null> | null = null;
  let anonymous = 0;
  for (let tries = 0; tries < 100; tries++) {
    try {
      const args: unknown[] = Array(anonymous).fill(null);
      if (named) args.push(named);
      return (stmt.all(...args) as { detail: string }[]).map((r) => r.detail);
    } catch (e) {
      const msg = (e as Error).message;
      const name = /Missing named parameter "(\w+)"/.exec(msg)?.[1];
      if (name && named) named[name] = null;
      else if (/Missing named parameters/.test(msg)) named = {};
      else if (/Too few parameter/.test(msg)) anonymous++;
      else throw e;
    }
  }
  throw new Error(`could not bind the parameters of: ${text}`);
}

const KEYWORDS = new Set(['where', 'on', 'join', 'left', 'inner', 'cross', 'order', 'group', 'limit', 'using', 'natural', 'union', 'as', 'window']);

/** The big table a plan line's name (table or alias) stands for in this statement, if any. */
function bigTableOf(text: string, name: string): string | null {
  if (BIG.has(name)) return name;
  for (const m of text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const [, table, alias] = m;
    if (alias && !KEYWORDS.has(alias.toLowerCase()) && alias === name && BIG.has(table)) return table;
  }
  return null;
}

/** What is wrong with one statement's plan: full scans or automatic indexes on big tables. */
function scanProblems(text: string, plan: string[], allowed: RegExp[]): string[] {
  const problems: string[] = [];
  for (const line of plan) {
    const m = /^(SCAN|SEARCH) (\S+)/.exec(line);
    if (!m) continue;
    const table = bigTableOf(text, m[2]);
    if (!table) continue;
    if (m[1] === 'SCAN' && !allowed.some((re) => re.test(line))) problems.push(`full scan of ${table}: "${line}" in: ${fold(text)}`);
    if (/AUTOMATIC/.test(line)) problems.push(`automatic index on ${table}: "${line}" in: ${fold(text)}`);
  }
  return problems;
}

interface Recorded {
  statements: { sql: string; plan: string[] }[];
  problems: string[];
}

let o: DemoOffice;

/**
 * Calls the method on a fresh core over the office's file (or `dbPath`), recording every statement
 * prepared from the start, and judges the plans: each rule's statement must have been prepared and
 * show its plan line; no statement may scan a big table.
 */
async function judge(name: CaseName, dbPath = o.dbPath, before?: (db: DB) => void): Promise<Recorded> {
  const c: Case = CASES[name];
  const core = await createCore({ dbPath, clock: o.clock.now, pinCost: 1024 });
  try {
    before?.(core.db);
    const spy = vi.spyOn(core.db, 'prepare');
    const token = ok(await core.call('auth.login', { user: o.names[c.who], pin: o.pins[c.who] })).sessionToken;
    ok(await core.call(c.method, c.input(o) as Input<typeof c.method>, { sessionToken: token }));
    const texts = [...new Set(spy.mock.calls.map(([text]) => text))];
    spy.mockRestore();
    const statements = texts.map((sql) => ({ sql, plan: planOf(core.db, sql) }));
    const problems: string[] = [];
    for (const rule of c.rules) {
      const hits = statements.filter((s) => fold(s.sql).includes(rule.sql));
      if (hits.length === 0) problems.push(`no statement with "${rule.sql}" was prepared`);
      for (const s of hits)
        if (!s.plan.some((l) => rule.plan.test(l))) problems.push(`expected ${rule.plan} in the plan of "${rule.sql}", got: ${s.plan.join(' | ')}`);
    }
    for (const s of statements) {
      const allowed = c.rules.filter((r) => r.allowsScan && fold(s.sql).includes(r.sql)).map((r) => r.plan);
      problems.push(...scanProblems(s.sql, s.plan, allowed));
    }
    return { statements, problems };
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  // three business days of an office: stock in, credit and cash dispatches, a collection, a return
  o = await financeOffice('2026-11-27');
  await dayAt(o, '2026-11-27');
  const first = await postedDispatch(o, 'KH002', 'credit', [
    ['WY-4001', 3],
    ['CZ-8801', 10],
  ]);
  await dayAt(o, '2026-11-28');
  await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 5]]);
  await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 3200 });
  await dayAt(o, '2026-11-29');
  await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
  await returnOf(o, first, 'credit', [[1, 2]]);
  o.core.close(); // every case opens its own connection, so nothing is prepared before its spy
});

afterAll(() => o?.close());

describe('query plans on a fresh connection', () => {
  for (const name of Object.keys(CASES) as CaseName[]) {
    it(name, async () => {
      const r = await judge(name);
      expect(r.statements.length).toBeGreaterThan(0);
      expect(r.problems).toEqual([]);
    });
  }

  it('a page after a cursor runs the same range read as the first page (the cursor only moves its lower bound)', async () => {
    const first = await judge('stock.card, first page');
    const paged = await judge('stock.card, a page after a cursor');
    const card = (r: Recorded) => r.statements.filter((s) => fold(s.sql).includes(RULES.cardPage.sql));
    expect(card(first)).toHaveLength(1);
    expect(card(paged)).toEqual(card(first));
  });

  it('the last page reads the index backwards from the end: no sort, one range read, as cheap as the first', async () => {
    const last = await judge('stock.card, the last page (backward cursor)');
    const pages = last.statements.filter((s) => fold(s.sql).includes(RULES.cardPage.sql) && /ORDER BY m\.id DESC/.test(s.sql));
    expect(pages).toHaveLength(1);
    expect(pages[0].plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    // nothing on the way reads the card from its start
    expect(last.statements.filter((s) => /ORDER BY m\.id ASC/.test(s.sql))).toEqual([]);
  });
});

describe('a lost index fails a test', () => {
  const LOSSES: [index: string, name: CaseName, says: RegExp][] = [
    ['stock_moves_item', 'stock.card, first page', /expected .*stock_moves_item/],
    ['stock_moves_date', 'stock.card, from/to (dates mapped to move ids)', /full scan of stock_moves/],
    ['stock_moves_item', 'stock.onHand', /expected .*stock_moves_item/],
    ['stock_moves_item', 'stock.card, the last page (backward cursor)', /expected .*stock_moves_item/],
    ['receivable_items_open', 'receivables.aging', /full scan of receivable_items/],
    ['slips_kind_date', 'dayClose.preview', /expected .*slips_kind_date/],
    ['item_barcodes_item', 'items.list', /expected .*item_barcodes_item/],
    ['money_journal_account_date', 'dayClose.preview', /expected .*money_journal_account_date/],
  ];
  for (const [index, name, says] of LOSSES) {
    it(`without ${index}, ${name} is caught`, async () => {
      const copy = join(o.dir, `lost-${index}.sqlite`);
      copyFileSync(o.dbPath, copy);
      const r = await judge(name, copy, (db) => db.exec(`DROP INDEX ${index}`));
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.join('\n')).toMatch(says);
    });
  }
});
