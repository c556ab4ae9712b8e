// Generates the bench office: master data through the core (so it obeys every rule), then about two
// years of history by calling the slips service directly (createSlip / signSlip / postSlip /
// reverseSlip with a SlipWriter: stock and money together, as the desk books them) in big
// transactions with synchronous=OFF, an audit row per write as the core would write it. HQ restocks what runs low (several batches of the best seller per
// delivery), dispatches take 8–22 lines across FIFO layers, some are short-picked, some come back
// as customer returns, some are reversed (红字); a few inbound slips are reversed and re-entered.

import { existsSync, rmSync, statSync } from 'node:fs';
import { createCore } from '../../electron/core';
import { appendAudit } from '../../electron/ledger/audit';
import { must, seedOffice } from '../../electron/demo/seed';
import { createSlip, postSlip, reverseSlip, signSlip, type Actor, type SlipWriter } from '../../electron/domains/slips/service';
import { sql } from '../../electron/store/db';
import { postedRef } from '../../electron/store/postedSlip';
import { latestVersion } from '../../electron/store/migrate';
import type { PaymentMode, SlipLineInput } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { buildModel, extraCustomers, extraItems, GEN_VERSION, loadFixture, SEED, type Variant } from './office';
import { nowMs, pick, randInt, rng } from './stats';

export interface GenMeta {
  genVersion: number;
  schemaVersion: number;
  variant: Variant['name'];
  generatedAt: string;
  seconds: { masterData: number; books: number; finish: number; total: number };
  dbBytes: number;
  counts: {
    items: number;
    customers: number;
    moves: number;
    layers: number;
    openLayers: number;
    slipLines: number;
    auditRows: number;
    slips: Record<string, number>;
  };
  hot: { itemId: number; code: string; moves: number };
  long: { itemId: number; code: string; moves: number };
  firstBusinessDate: string;
  lastBusinessDate: string;
  users: Record<'manager' | 'finance' | 'keeper' | 'sales', { name: string; pin: string }>;
}

const DAY_START_UTC_MS = 30 * 60_000; // 08:30 in Shanghai = 00:30Z
const DAY_LENGTH_MS = 9.5 * 3600_000;
const START = Date.parse('2024-01-02T00:30:00Z');

interface Signer {
  id: number;
  name: string;
  roles: Role[];
  pin: string;
}

export async function generateOffice(path: string, v: Variant, log: (s: string) => void): Promise<GenMeta> {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f);
  const fixture = loadFixture();
  const t0 = nowMs();

  // ---------------------------------------------------------------- clock
  let t = START;
  const slotMs = DAY_LENGTH_MS / v.slipsPerDay;
  const businessDate = () => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  const nextSlot = () => {
    t += slotMs;
    const dayStart = Math.floor(t / 86_400_000) * 86_400_000 + DAY_START_UTC_MS;
    if (t >= dayStart + DAY_LENGTH_MS) {
      let next = dayStart + 86_400_000;
      if (new Date(next + 8 * 3600_000).getUTCDay() === 0) next += 86_400_000; // closed on Sundays
      t = next;
    }
  };
  const tick = () => {
    t += 5_000;
    return new Date(t).toISOString();
  };

  // ---------------------------------------------------------------- master data through the core
  const core = await createCore({ dbPath: path, pinCost: 1024, clock: () => new Date(t) });
  const db = core.db;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000'); // 1 GB while generating; the timed part uses the app's default
  const { managerToken } = await seedOffice(core, fixture);
  const meta = { sessionToken: managerToken };
  // one core call, one commit each: cheap with synchronous=OFF
  for (const it of extraItems(v.items, fixture.items.length)) await must(core.call('items.create', it, meta));
  for (const c of extraCustomers(v.customers, fixture.customers.length)) await must(core.call('customers.create', c, meta));
  const tMaster = nowMs();
  log(`  master data: ${v.items} items, ${v.customers} customers in ${((tMaster - t0) / 1000).toFixed(1)} s`);

  // ---------------------------------------------------------------- people
  const userOf = (role: Role): Signer => {
    const u = fixture.users.find((x) => x.roles.includes(role))!;
    const row = sql(db, 'SELECT id FROM users WHERE name = ?').get(u.name) as { id: number };
    return { id: row.id, name: u.name, roles: u.roles, pin: u.pin };
  };
  const keeper = userOf('keeper');
  const sales = userOf('sales');
  const manager = userOf('manager');
  const finance = userOf('finance');
  const supplierId = sql(db, 'SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  const customerIds = sql(db, 'SELECT id FROM customers ORDER BY id').pluck().all() as number[];

  const wctx = (a: Actor): SlipWriter => ({ db, nowIso: tick(), businessDate: businessDate(), actor: { id: a.id, roles: a.roles } });
  const audit = (a: Signer, method: string, input: unknown, ref: string) =>
    appendAudit(db, { at: new Date(t).toISOString(), userId: a.id, roles: a.roles, method, input, ref, requestId: null });
  const sign = (slipId: number, no: string, role: 'manager' | 'finance', s: Signer) => {
    // finance's signature books the sale's money; a credit sale over the limit carries the manager's override
    signSlip(wctx(sales), slipId, role, s, role === 'finance' ? { id: manager.id, name: manager.name } : null);
    audit(sales, 'slips.sign', { slipId, role, user: s.name, pin: s.pin }, `${no} ${role} ${s.name}`);
  };

  // ---------------------------------------------------------------- the books
  const model = buildModel(db);
  const r = rng(SEED);
  const maxId = Math.max(...model.items.keys());
  const onHand = new Float64Array(maxId + 1);
  const costDrift = new Float64Array(maxId + 1).fill(1);
  const queued = new Uint8Array(maxId + 1);
  const reorder: number[] = [];
  const hot = model.hot;
  const moveCount = () => sql(db, 'SELECT COALESCE(MAX(id), 0) FROM stock_moves').pluck().get() as number;
  let moves = 0;
  let deliveryNo = 100000;

  interface Sent {
    id: number;
    no: string;
    lines: { id: number; itemId: number; shipped: number }[];
    done: boolean; // returned or reversed: left alone from then on
  }
  const recent: Sent[] = [];

  const unitCost = (id: number) => {
    const m = model.items.get(id)!;
    if (r() < 0.02) costDrift[id] = Math.min(1.3, Math.max(0.8, costDrift[id] * (0.95 + r() * 0.1)));
    return Math.max(1, Math.round(m.costFen * costDrift[id]));
  };

  const queue = (id: number) => {
    if (id === hot.id || queued[id]) return;
    if (onHand[id] < model.items.get(id)!.reorderAt) {
      queued[id] = 1;
      reorder.push(id);
    }
  };

  function inbound(ids: number[], hotBatches: number): void {
    const lines: SlipLineInput[] = ids.map((id) => ({ itemId: id, qty: model.items.get(id)!.orderQty, unitCostFen: unitCost(id) }));
    for (let b = 0; b < hotBatches; b++)
      lines.push({ itemId: hot.id, qty: randInt(r, 18, 42), unitCostFen: unitCost(hot.id), memo: `批号 ${deliveryNo}-${b + 1}` });
    if (!lines.length) return;
    nextSlot();
    const header = { supplierId, deliveryNoteNo: `SH${deliveryNo++}` };
    const post = (ls: SlipLineInput[]) => {
      const row = createSlip(wctx(keeper), 'inbound', header, ls);
      audit(keeper, 'slips.create', { kind: 'inbound', ...header, lines: ls }, row.no);
      const posted = postSlip(wctx(keeper), row.id);
      audit(keeper, 'slips.post', { slipId: row.id, confirmShort: false }, postedRef(posted.no, posted.posted_hash!));
      return row;
    };
    const row = post(lines);
    if (r() < 0.02) {
      // keyed in wrong: reverse at once (its layers are untouched) and enter it again
      const { reversal } = reverseSlip(wctx(keeper), row.id, '随货同行联数量录错', { manager, finance: null });
      audit(keeper, 'slips.reverse', { slipId: row.id, reason: '随货同行联数量录错' }, `${row.no} → ${postedRef(reversal.no, reversal.posted_hash!)}`);
      post(lines);
    }
    for (const l of lines) onHand[l.itemId] += l.qty;
    for (const id of ids) queued[id] = 0;
  }

  function dispatch(): void {
    const n = randInt(r, 8, 22);
    const lines: SlipLineInput[] = [];
    const seen = new Set<number>();
    if (r() < 0.95 && onHand[hot.id] > 0) {
      lines.push({ itemId: hot.id, qty: Math.min(onHand[hot.id], randInt(r, 15, 45)) });
      seen.add(hot.id);
    }
    for (let tries = 0; lines.length < n && tries < n * 4; tries++) {
      const id = model.sampleItem(r);
      if (seen.has(id) || onHand[id] < 1) continue;
      seen.add(id);
      const q = model.items.get(id)!.lineQty;
      lines.push({ itemId: id, qty: Math.min(onHand[id], randInt(r, Math.max(1, q >> 1), Math.ceil(q * 1.5))) });
    }
    if (!lines.length) return;
    nextSlot();
    const header = {
      customerId: pick(r, customerIds),
      paymentMode: pick(r, ['credit', 'credit', 'credit', 'cash', 'wechat', 'alipay', 'bank'] as PaymentMode[]),
    };
    const row = createSlip(wctx(sales), 'dispatch', header, lines);
    audit(sales, 'slips.create', { kind: 'dispatch', ...header, lines }, row.no);
    sign(row.id, row.no, 'manager', manager);
    sign(row.id, row.no, 'finance', finance);
    const ls = sql(db, 'SELECT id, item_id AS itemId, qty AS shipped FROM slip_lines WHERE slip_id = ? ORDER BY line_no').all(row.id) as Sent['lines'];
    let picked: { lineId: number; qty: number }[] | undefined;
    const short = ls.find((l) => l.shipped > 1);
    if (short && r() < 0.01) {
      // the keeper found one line short and confirmed it
      short.shipped -= 1;
      picked = ls.map((l) => ({ lineId: l.id, qty: l.shipped }));
    }
    const posted = postSlip(wctx(keeper), row.id, { picked, confirmShort: !!picked });
    audit(keeper, 'slips.post', { slipId: row.id, picked, confirmShort: !!picked }, postedRef(posted.no, posted.posted_hash!));
    for (const l of ls) {
      onHand[l.itemId] -= l.shipped;
      queue(l.itemId);
    }
    recent.push({ id: row.id, no: row.no, lines: ls, done: false });
    if (recent.length > 300) recent.shift();
  }

  function customerReturn(): void {
    const cand = recent.slice(0, -5).filter((s) => !s.done);
    if (!cand.length) return;
    const src = pick(r, cand);
    src.done = true;
    const lines: SlipLineInput[] = [];
    for (const l of src.lines) {
      if (l.shipped < 1 || lines.length >= 2 || r() < 0.7) continue;
      lines.push({ itemId: l.itemId, qty: randInt(r, 1, Math.max(1, Math.floor(l.shipped / 3))), sourceLineId: l.id });
    }
    if (!lines.length) return;
    nextSlot();
    const header = { sourceSlipId: src.id, paymentMode: 'credit' as const, memo: '客户退货' };
    const row = createSlip(wctx(sales), 'return', header, lines);
    audit(sales, 'slips.create', { kind: 'return', ...header, lines }, row.no);
    sign(row.id, row.no, 'manager', manager);
    const posted = postSlip(wctx(keeper), row.id);
    audit(keeper, 'slips.post', { slipId: row.id, confirmShort: false }, postedRef(posted.no, posted.posted_hash!));
    for (const l of lines) onHand[l.itemId] += l.qty;
  }

  function reverseDispatch(): void {
    const src = recent.slice(-10).find((s) => !s.done);
    if (!src) return;
    src.done = true;
    nextSlot();
    const { reversal } = reverseSlip(wctx(manager), src.id, '客户取消订单', { manager, finance });
    audit(manager, 'slips.reverse', { slipId: src.id, reason: '客户取消订单' }, `${src.no} → ${postedRef(reversal.no, reversal.posted_hash!)}`);
    for (const l of src.lines) onHand[l.itemId] += l.shipped;
  }

  const step = (): void => {
    if (reorder.length >= 30 || onHand[hot.id] < hot.reorderAt) {
      const ids = reorder.splice(0, 30);
      const need = Math.max(0, 30 * 16 - onHand[hot.id]);
      inbound(ids, Math.ceil(need / 30));
      return;
    }
    const x = r();
    if (x < 0.025) customerReturn();
    else if (x < 0.032) reverseDispatch();
    else dispatch();
  };

  // Opening stock (期初): every item once, forty lines a slip.
  const all = [...model.items.keys()].filter((id) => id !== hot.id);
  db.transaction(() => {
    for (let i = 0; i < all.length; i += 40) inbound(all.slice(i, i + 40), i === 0 ? 16 : 0);
  })();
  moves = moveCount();

  let lastLog = nowMs();
  const tBooks0 = nowMs();
  while (moves < v.moves) {
    db.transaction(() => {
      for (let n = 0; n < 200 && moves < v.moves; n++) {
        step();
        moves = moveCount();
      }
    })();
    if (nowMs() - lastLog > 10_000) {
      lastLog = nowMs();
      const rate = (moves / (lastLog - tBooks0)) * 1000;
      log(`  ${moves.toLocaleString('en-US')} moves, ${businessDate()}, ${Math.round(rate).toLocaleString('en-US')} moves/s`);
    }
  }
  const tBooks = nowMs();
  log(`  books: ${moves.toLocaleString('en-US')} moves in ${((tBooks - tMaster) / 1000).toFixed(1)} s`);

  // ---------------------------------------------------------------- finish: back to the app's settings
  db.pragma(`cache_size = ${cacheSize}`);
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const one = <T = number>(q: string, ...args: unknown[]) =>
    db
      .prepare(q)
      .pluck()
      .get(...args) as T;
  const count = one<number>;
  const perItem = db.prepare('SELECT item_id AS id, COUNT(*) AS n FROM stock_moves GROUP BY item_id').all() as { id: number; n: number }[];
  const hotMoves = perItem.find((p) => p.id === hot.id)?.n ?? 0;
  const longPick = perItem
    .filter((p) => p.id !== hot.id)
    .sort((a, b) => {
      const da = a.n >= v.longMoves ? a.n - v.longMoves : 1e9 + v.longMoves - a.n;
      const db2 = b.n >= v.longMoves ? b.n - v.longMoves : 1e9 + v.longMoves - b.n;
      return da - db2;
    })[0];
  const codeOf = (id: number) => one<string>('SELECT code FROM items WHERE id = ?', id);
  const slips: Record<string, number> = {};
  for (const row of db.prepare("SELECT kind || '/' || state AS k, COUNT(*) AS n FROM slips GROUP BY 1").all() as { k: string; n: number }[])
    slips[row.k] = row.n;
  const users = Object.fromEntries(
    (
      [
        ['manager', manager],
        ['finance', finance],
        ['keeper', keeper],
        ['sales', sales],
      ] as const
    ).map(([k, u]) => [k, { name: u.name, pin: u.pin }]),
  ) as GenMeta['users'];
  const genMeta: Omit<GenMeta, 'seconds' | 'dbBytes'> = {
    genVersion: GEN_VERSION,
    schemaVersion: latestVersion(),
    variant: v.name,
    generatedAt: new Date().toISOString(),
    counts: {
      items: count('SELECT COUNT(*) FROM items'),
      customers: count('SELECT COUNT(*) FROM customers'),
      moves: count('SELECT COUNT(*) FROM stock_moves'),
      layers: count('SELECT COUNT(*) FROM stock_layers'),
      openLayers: count('SELECT COUNT(*) FROM stock_layers WHERE remaining_qty > 0'),
      slipLines: count('SELECT COUNT(*) FROM slip_lines'),
      auditRows: count('SELECT COUNT(*) FROM audit_log'),
      slips,
    },
    hot: { itemId: hot.id, code: hot.code, moves: hotMoves },
    long: { itemId: longPick.id, code: codeOf(longPick.id), moves: longPick.n },
    firstBusinessDate: one<string>('SELECT MIN(business_date) FROM stock_moves'),
    lastBusinessDate: one<string>('SELECT MAX(business_date) FROM stock_moves'),
    users,
  };
  core.close();
  const tEnd = nowMs();
  return {
    ...genMeta,
    seconds: { masterData: (tMaster - t0) / 1000, books: (tBooks - tMaster) / 1000, finish: (tEnd - tBooks) / 1000, total: (tEnd - t0) / 1000 },
    dbBytes: statSync(path).size,
  };
}
