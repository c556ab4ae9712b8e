// The floor: the rows one posted 20-line dispatch leaves (number series, slip, lines, FIFO moves
// with running balances, layer updates, the posted hash, audit row, idempotency record), written
// with prepared statements in one transaction. The FIFO takes are planned beforehand (not timed) from the real
// layers, so the books stay consistent and `verify` still passes afterwards.

import { createHash, randomUUID } from 'node:crypto';
import { auditHash, GENESIS_HASH } from '../../electron/ledger/audit';
import { balanceOf, takeCost } from '../../electron/ledger/fifo';
import { asReadable, sql, type DB } from '../../electron/store/db';
import { POSTED_HEADER_COLUMNS, postedRef, postedSlipHash, type PostedHeader } from '../../electron/store/postedSlip';

export interface FloorPlan {
  customerId: number;
  lines: { itemId: number; qty: number; priceFen: number }[];
  takes: { lineIdx: number; itemId: number; layerId: number; qty: number; amountFen: number; balQty: number; balAmount: number }[];
}

export function planFloor(db: DB, customerId: number, lines: { itemId: number; qty: number }[]): FloorPlan {
  const price = sql(db, 'SELECT price_fen FROM items WHERE id = ?').pluck();
  const layers = sql(db, 'SELECT id, remaining_qty AS q, remaining_amount_fen AS a FROM stock_layers WHERE item_id = ? AND remaining_qty > 0 ORDER BY id');
  const takes: FloorPlan['takes'] = [];
  lines.forEach((l, lineIdx) => {
    const bal = balanceOf(asReadable(db), l.itemId);
    let left = l.qty;
    for (const ly of layers.all(l.itemId) as { id: number; q: number; a: number }[]) {
      const q = Math.min(left, ly.q);
      const amountFen = takeCost(ly.q, ly.a, q);
      bal.qty -= q;
      bal.amountFen -= amountFen;
      takes.push({ lineIdx, itemId: l.itemId, layerId: ly.id, qty: q, amountFen, balQty: bal.qty, balAmount: bal.amountFen });
      left -= q;
      if (left === 0) break;
    }
    if (left) throw new Error('floor plan: short');
  });
  return { customerId, lines: lines.map((l) => ({ ...l, priceFen: price.get(l.itemId) as number })), takes };
}

export function floorWriter(db: DB, actors: { sales: number; keeper: number }, businessDate: string) {
  const s = {
    serial: db
      .prepare(`INSERT INTO number_series (prefix, day, last) VALUES ('FH', ?, 1) ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1 RETURNING last`)
      .pluck(),
    slip: db.prepare(`INSERT INTO slips (no, kind, state, business_date, customer_id, payment_mode, memo, created_by, created_at, updated_at)
                      VALUES (?, 'dispatch', 'draft', ?, ?, 'credit', '', ?, ?, ?)`),
    line: db.prepare(
      `INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen, memo, shipped_qty, shipped_amount_fen) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
    ),
    seq: db.prepare('SELECT COALESCE(MAX(post_seq), 0) + 1 FROM slips').pluck(),
    header: db.prepare(`SELECT ${POSTED_HEADER_COLUMNS.join(', ')} FROM slips WHERE id = ?`),
    post: db.prepare(
      `UPDATE slips SET state = 'posted', posted_by = ?, posted_at = ?, post_seq = ?, updated_at = ?, version = ?, posted_hash = ? WHERE id = ?`,
    ),
    layer: db.prepare('UPDATE stock_layers SET remaining_qty = remaining_qty - ?, remaining_amount_fen = remaining_amount_fen - ? WHERE id = ?'),
    move: db.prepare(`INSERT INTO stock_moves (item_id, slip_id, slip_line_id, direction, qty, amount_fen, layer_id, source_move_id, business_date, posted_at, balance_qty, balance_amount_fen)
                      VALUES (?, ?, ?, 'out', ?, ?, ?, NULL, ?, ?, ?, ?)`),
    lastAudit: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    audit: db.prepare(
      'INSERT INTO audit_log (seq, at, user_id, roles, method, input_json, ref, request_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    request: db.prepare('INSERT INTO requests (request_id, method, fingerprint, answer_json, at) VALUES (?, ?, ?, ?, ?)'),
  };
  const day = businessDate.replace(/-/g, '');
  return (p: FloorPlan, nowIso: string, responseJson: string) =>
    db
      .transaction(() => {
        const no = `FH${day}${String(s.serial.get(day)).padStart(4, '0')}`;
        const slipId = Number(s.slip.run(no, businessDate, p.customerId, actors.sales, nowIso, nowIso).lastInsertRowid);
        const lineIds = p.lines.map((l, i) =>
          Number(s.line.run(slipId, i + 1, l.itemId, l.qty, l.priceFen, l.qty * l.priceFen, l.qty, l.qty * l.priceFen).lastInsertRowid),
        );
        // the posted hash over the row as posted, its lines and (no) signatures, as markPosted takes it
        const draft = s.header.get(slipId) as PostedHeader;
        const posted = {
          ...draft,
          state: 'posted',
          posted_by: actors.keeper,
          posted_at: nowIso,
          post_seq: s.seq.get(),
          updated_at: nowIso,
          version: (draft.version as number) + 1,
        };
        const postedHash = postedSlipHash(db, posted);
        s.post.run(actors.keeper, nowIso, posted.post_seq, nowIso, posted.version, postedHash, slipId);
        for (const t of p.takes) {
          s.layer.run(t.qty, t.amountFen, t.layerId);
          s.move.run(t.itemId, slipId, lineIds[t.lineIdx], t.qty, t.amountFen, t.layerId, businessDate, nowIso, t.balQty, t.balAmount);
        }
        const last = s.lastAudit.get() as { seq: number; hash: string } | undefined;
        const requestId = randomUUID();
        const f = {
          seq: (last?.seq ?? 0) + 1,
          at: nowIso,
          user_id: actors.keeper,
          roles: 'keeper',
          method: 'slips.post',
          input_json: JSON.stringify({ slipId, confirmShort: false }),
          ref: postedRef(no, postedHash),
          request_id: requestId,
        };
        const prev = last?.hash ?? GENESIS_HASH;
        s.audit.run(f.seq, f.at, f.user_id, f.roles, f.method, f.input_json, f.ref, f.request_id, prev, auditHash(prev, f));
        const fingerprint = createHash('sha256')
          .update(JSON.stringify(['slips.post', actors.keeper, { slipId, confirmShort: false }]))
          .digest('hex');
        s.request.run(requestId, 'slips.post', fingerprint, responseJson, nowIso);
      })
      .immediate();
}
