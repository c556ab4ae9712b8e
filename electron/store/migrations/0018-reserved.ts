// 0018: reserved for the audit-chain anchors built on another branch this round. Nothing here: the
// lead replaces this file with that branch's 0018 when merging (this branch needs 18 before 19).
import type { Migration } from './index';

export const m0018Reserved: Migration = {
  version: 18,
  name: 'reserved',
  up() {},
};
