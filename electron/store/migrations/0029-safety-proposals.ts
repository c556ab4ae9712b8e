// 0029: safety stock proposals (安全库存定额). The keeper or the statistician proposes an item's
// safety stock with the usage it rests on (net sales over a window, the average per day, the days of
// cover, the suggestion); the manager approves — the item's safety stock becomes the figure, in the
// same transaction — or rejects it. A newer proposal for the same item supersedes one still waiting.
// A proposal changes once, from pending, in the columns that decide it (triggers); none is deleted.
//
// Numbered 0029 for this round of work (0024–0028 are other work merged before it); its version is
// its place in the list.
import type { Migration } from './index';

export const m0029SafetyProposals: Migration = {
  version: 28,
  name: 'safety-proposals',
  up(db) {
    db.exec(`
CREATE TABLE safety_proposals (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  from_qty INTEGER NOT NULL CHECK (from_qty >= 0),
  qty INTEGER NOT NULL CHECK (qty >= 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  window_days INTEGER NOT NULL CHECK (window_days > 0),
  cover_days INTEGER NOT NULL CHECK (cover_days > 0),
  sold_qty INTEGER NOT NULL,
  avg_daily_milli INTEGER NOT NULL,
  suggested INTEGER NOT NULL CHECK (suggested >= 0),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','approved','rejected','superseded')),
  proposed_by INTEGER NOT NULL REFERENCES users(id),
  proposed_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  CHECK ((state IN ('approved','rejected')) = (decided_by IS NOT NULL))
) STRICT;
CREATE INDEX safety_proposals_item ON safety_proposals(item_id, id);
CREATE UNIQUE INDEX safety_proposals_one_pending ON safety_proposals(item_id) WHERE state = 'pending';
CREATE TRIGGER safety_proposals_decided_once BEFORE UPDATE ON safety_proposals
WHEN OLD.state <> 'pending' OR NEW.item_id IS NOT OLD.item_id OR NEW.qty IS NOT OLD.qty OR NEW.from_qty IS NOT OLD.from_qty
  OR NEW.reason IS NOT OLD.reason OR NEW.sold_qty IS NOT OLD.sold_qty OR NEW.suggested IS NOT OLD.suggested
  OR NEW.proposed_by IS NOT OLD.proposed_by OR NEW.proposed_at IS NOT OLD.proposed_at OR NEW.as_of IS NOT OLD.as_of
BEGIN SELECT RAISE(ABORT, 'a safety stock proposal is decided once and never rewritten'); END;
CREATE TRIGGER safety_proposals_no_delete BEFORE DELETE ON safety_proposals
BEGIN SELECT RAISE(ABORT, 'safety stock proposals are never deleted'); END;
`);
  },
};
