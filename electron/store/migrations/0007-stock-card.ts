// 0007 (stock-card): what the stock card (库存明细账) needs to read like the paper ledger.
// - office.returns_on_card: how a customer return is written on the card, as 红字发出 (a red,
//   negative issue: it undoes an issue at the cost it went out at; the default) or as 收入.
// - stock_month_totals: per item and month, what moved in, out, and back on returns (signed:
//   a reversal's red move subtracts), kept by a trigger on stock_moves (append-only, so a month's
//   total only ever grows by new moves). 本月合计 and 本年累计 read ≤ 12 rows of it instead of
//   summing up to a year of moves. The moves already in the books are summed in here.
import type { Migration } from './index';

/** The class of a stock move on the card: 'ret' (a return or a reversal of one), else its direction. */
export const moveClassSql = (m: string) =>
  `(SELECT CASE WHEN s.kind = 'return' OR (s.kind = 'reversal' AND src.kind = 'return') THEN 'ret' ELSE ${m}.direction END
    FROM slips s LEFT JOIN slips src ON src.id = s.source_slip_id WHERE s.id = ${m}.slip_id)`;

const COLS = ['in', 'out', 'ret'] as const;
const columns = COLS.map((c) => `${c}_qty, ${c}_amount_fen`).join(', ');
/** qty and amount split into the three classes, summed with `agg` ('' for one row). */
const split = (qty: string, amount: string, agg: string) =>
  COLS.map((c) => `${agg}(CASE WHEN cls = '${c}' THEN ${qty} ELSE 0 END), ${agg}(CASE WHEN cls = '${c}' THEN ${amount} ELSE 0 END)`).join(', ');

export const m0007StockCard: Migration = {
  version: 7,
  name: 'stock-card',
  up(db) {
    db.exec(`
ALTER TABLE office ADD COLUMN returns_on_card TEXT NOT NULL DEFAULT 'redIssue' CHECK (returns_on_card IN ('redIssue', 'receipt'));

CREATE TABLE stock_month_totals (
  item_id INTEGER NOT NULL REFERENCES items(id),
  month TEXT NOT NULL,
  in_qty INTEGER NOT NULL,
  in_amount_fen INTEGER NOT NULL,
  out_qty INTEGER NOT NULL,
  out_amount_fen INTEGER NOT NULL,
  ret_qty INTEGER NOT NULL,
  ret_amount_fen INTEGER NOT NULL,
  PRIMARY KEY (item_id, month)
) STRICT, WITHOUT ROWID;

INSERT INTO stock_month_totals (item_id, month, ${columns})
SELECT item_id, substr(business_date, 1, 7), ${split('qty', 'amount_fen', 'SUM')}
FROM (SELECT m.item_id, m.business_date, m.qty, m.amount_fen, ${moveClassSql('m')} AS cls FROM stock_moves m)
GROUP BY 1, 2;

CREATE TRIGGER stock_month_totals_add AFTER INSERT ON stock_moves BEGIN
  INSERT INTO stock_month_totals (item_id, month, ${columns})
  SELECT NEW.item_id, substr(NEW.business_date, 1, 7), ${split('NEW.qty', 'NEW.amount_fen', '')}
  FROM (SELECT ${moveClassSql('NEW')} AS cls) WHERE true
  ON CONFLICT (item_id, month) DO UPDATE SET
    ${COLS.map((c) => `${c}_qty = ${c}_qty + excluded.${c}_qty, ${c}_amount_fen = ${c}_amount_fen + excluded.${c}_amount_fen`).join(',\n    ')};
END;
`);
  },
};
