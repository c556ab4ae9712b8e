// The rules of a customer return without a dispatch in this desk (无原单退货: goods sold before
// go-live), beside slips/rules.ts. Such a return is only for a customer (an active one), points at
// no dispatch, and each line carries the unit cost the manager sets — the cost of the FIFO layer
// its posting makes — and the refund price. The manager signs it as every return; the cost is his:
// anyone else's edit keeps the line's cost so far, or the item's latest unit cost on a new line
// (the last receipt layer's, ledger/fifo.ts), and a different cost from them is refused. An item
// never received has no latest cost: the manager must enter one before the slip can be signed.

import { DeskError, fail } from '../../../shared/errors';
import { fieldLabel } from '../../../shared/fieldLabels';
import type { SlipLineInput } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { latestUnitCostFen } from '../../ledger/fifo';
import { invalid } from '../errors';
import type { LineRow, NewLine, SlipRow } from './repo';
import { checkAmount } from './amounts';

/** Who edits the lines, and the draft's lines before this edit (none on a new slip). */
export interface CostSetter {
  isManager: boolean;
  before: readonly Pick<LineRow, 'item_id' | 'unit_cost_fen'>[];
}

/** A refusal that names one field of one line as the screen does ("第2行 单位成本: …"). */
function lineFieldError(index: number, key: 'unitCostFen' | 'priceFen' | 'sourceLineId', zh: string, en: string): never {
  const label = fieldLabel('slips.create', ['lines', index, key]) ?? { zh: key, en: key };
  throw new DeskError('invalid_input', {
    summary_zh: `${label.zh}: ${zh}`,
    summary_en: `${label.en}: ${en}`,
    field: `lines.${index}.${key}`,
    field_zh: label.zh,
    field_en: label.en,
  });
}

/** A return without a dispatch names its customer, an active one, and no dispatch. */
export function checkPreGoLiveHeader(db: ReadableDB, h: { customerId?: number | null; sourceSlipId?: number | null }): void {
  if (h.sourceSlipId != null) invalid('无原单退货不指向原发货单', 'a return without a dispatch points at no dispatch');
  if (h.customerId == null) return; // required before signing (requirePreGoLiveComplete)
  const active = sql(db, 'SELECT active FROM customers WHERE id = ?').pluck().get(h.customerId) as number | undefined;
  if (active === 0) {
    const name = sql(db, 'SELECT name FROM customers WHERE id = ?').pluck().get(h.customerId) as string;
    invalid(`客户「${name}」已停用, 不能办理退货`, `customer "${name}" is deactivated: no return can be made for it`);
  }
}

/** The unit cost a line keeps when its editor does not set one: its cost so far, else the item's latest. */
function keptCost(db: ReadableDB, itemId: number, setter: CostSetter): number | null {
  const before = setter.before.find((b) => b.item_id === itemId && b.unit_cost_fen != null);
  return before ? before.unit_cost_fen : latestUnitCostFen(db, itemId);
}

/** A line of a return without a dispatch: the manager's unit cost, the refund price (default the item's price). */
export function preGoLiveLine(
  db: ReadableDB,
  base: Omit<NewLine, 'unit_cost_fen' | 'price_fen' | 'amount_fen'>,
  l: SlipLineInput,
  item: { price_fen: number },
  setter: CostSetter,
): NewLine {
  const index = base.line_no - 1;
  if (l.sourceLineId != null)
    lineFieldError(index, 'sourceLineId', '无原单退货的行不指向原发货行', 'a line of a return without a dispatch points at no dispatch line');
  const kept = keptCost(db, l.itemId, setter);
  if (l.unitCostFen != null && l.unitCostFen !== kept && !setter.isManager) {
    const label = fieldLabel('slips.create', ['lines', index, 'unitCostFen']) ?? { zh: '单位成本', en: 'unit cost' };
    fail('manager_only', { what: `the ${label.en}`, what_zh: label.zh, field: `lines.${index}.unitCostFen`, field_zh: label.zh, field_en: label.en });
  }
  const cost = l.unitCostFen ?? kept;
  if (cost === 0) lineFieldError(index, 'unitCostFen', '须大于 0(退回的货按此成本入库)', 'must be above 0 (the goods come back into stock at it)');
  checkAmount(l.qty, cost); // the layer's amount within the books' bounds
  const price = l.priceFen ?? item.price_fen;
  return { ...base, unit_cost_fen: cost, price_fen: price, amount_fen: checkAmount(l.qty, price) };
}

/** Before signing or posting: the customer, the refund mode, and a unit cost on every line. */
export function requirePreGoLiveComplete(db: ReadableDB, row: SlipRow, lines: LineRow[]): void {
  if (row.customer_id == null) fail('slip_field_required', { field: 'customer', field_zh: '客户' });
  if (row.payment_mode == null) fail('slip_field_required', { field: 'refund mode', field_zh: '退款方式' });
  checkPreGoLiveHeader(db, { customerId: row.customer_id });
  for (const l of lines) {
    if (l.unit_cost_fen == null) fail('slip_field_required', { field: `unit cost of line ${l.line_no}`, field_zh: `第 ${l.line_no} 行的单位成本(经理填写)` });
  }
}
