// The rules of an import: every problem of every row at once (missing fields, bad barcodes with
// their check digit, codes and barcodes repeated in the file or already in the books, unknown
// units, negative numbers, amounts with more than two decimals, a safety stock only the manager sets).
// The opening kinds' own rules are in openingRules.ts; the cells' in cells.ts.

import { barcodeProblem } from '../../../shared/barcode';
import { contract, MAX_OPENING_LINES } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import { IMPORT_ACCESS_METHOD, isOpeningKind, SHEET_COLUMNS, type ImportKind, type MasterImportKind, type SheetColumn } from '../../../shared/sheets';
import { KNOWN_UNITS } from '../../../shared/units';
import { sql, type ReadableDB } from '../../store/db';
import { actor, type Ctx } from '../context';
import { add, cellProblems, Seen, type Problems } from './cells';
import { openingRules } from './openingRules';

export interface RowIn {
  rowNo: number;
  cells: Record<string, string>;
}

function barcodeCheck(p: Problems, c: SheetColumn, v: string): void {
  if (v === '') return;
  const bad = barcodeProblem(v);
  if (bad?.kind === 'format') add(p, c, 'bad_barcode', `「${v}」须为 4–32 位字母或数字`, `"${v}" must be 4–32 letters or digits`);
  if (bad?.kind === 'check_digit') add(p, c, 'bad_check_digit', `「${v}」校验位应为 ${bad.expected}`, `"${v}": the check digit should be ${bad.expected}`);
}

/** What the books already hold that a row must not repeat. */
interface Books {
  codes: Set<string>;
  barcodes: Map<string, string>;
  units: Set<string>;
}

function books(db: ReadableDB, kind: MasterImportKind): Books {
  const codes = new Set(sql(db, `SELECT code FROM ${kind}`).pluck().all() as string[]);
  if (kind !== 'items') return { codes, barcodes: new Map(), units: new Set() };
  const owners = sql(db, 'SELECT b.code AS code, i.code AS itemCode FROM item_barcodes b JOIN items i ON i.id = b.item_id').all() as {
    code: string;
    itemCode: string;
  }[];
  const used = sql(db, 'SELECT DISTINCT unit FROM items').pluck().all() as string[];
  return { codes, barcodes: new Map(owners.map((o) => [o.code, o.itemCode])), units: new Set([...KNOWN_UNITS, ...used]) };
}

function itemRules(ctx: Ctx, b: Books, barcodes: Seen): (p: Problems, cells: Record<string, string>, rowNo: number) => void {
  const col = (key: string): SheetColumn => SHEET_COLUMNS.items.find((c) => c.key === key)!;
  const manager = actor(ctx).roles.includes('manager');
  return (p, cells, rowNo) => {
    const unit = cells.unit ?? '';
    if (unit !== '' && !b.units.has(unit)) add(p, col('unit'), 'unknown_unit', `不认识的单位「${unit}」`, `unknown unit "${unit}"`);
    for (const key of ['unitBarcode', 'caseBarcode']) {
      const v = cells[key] ?? '';
      barcodeCheck(p, col(key), v);
      barcodes.check(p, col(key), v, rowNo, b.barcodes.has(v) ? b.barcodes.get(v) : undefined);
    }
    const hasCase = (cells.caseBarcode ?? '') !== '';
    const pack = cells.packQty ?? '';
    if (hasCase && !(Number(pack) >= 2))
      add(p, col('packQty'), 'pack_qty', '有箱条码时须填每箱数量(至少 2)', 'a case barcode needs a pack quantity of at least 2');
    if (!hasCase && pack !== '') add(p, col('caseBarcode'), 'missing', '填了每箱数量须填箱条码', 'a pack quantity needs its case barcode');
    if (!manager && Number(cells.safetyStock || 0) !== 0)
      add(p, col('safetyStock'), 'manager_only', '安全库存由办事处经理设定', 'only the office manager sets the safety stock');
  };
}

type RowRule = (p: Problems, cells: Record<string, string>, rowNo: number) => void;

/** Master data: the code once in the file and not yet in the books; items have their own rules too. */
function masterRules(ctx: Ctx, kind: MasterImportKind): RowRule {
  const b = books(ctx.db, kind);
  const codes = new Seen();
  const extra = kind === 'items' ? itemRules(ctx, b, new Seen()) : undefined;
  const codeColumn = SHEET_COLUMNS[kind][0];
  return (p, cells, rowNo) => {
    codes.check(p, codeColumn, cells.code ?? '', rowNo, b.codes.has(cells.code ?? '') ? '' : undefined);
    extra?.(p, cells, rowNo);
  };
}

export type CheckedRow = { rowNo: number; cells: Record<string, string>; problems: Problems };

/** Every row with its problems; an empty list means the row may be imported. */
export function checkRows(ctx: Ctx, kind: ImportKind, rows: readonly RowIn[]): CheckedRow[] {
  if (isOpeningKind(kind) && rows.length > MAX_OPENING_LINES)
    fail('import_bad_file', {
      reason_zh: `期初建账一次最多 ${MAX_OPENING_LINES} 行`,
      reason_en: `opening balances take at most ${MAX_OPENING_LINES} rows at once`,
    });
  const rule = isOpeningKind(kind) ? openingRules(ctx, kind) : masterRules(ctx, kind);
  const columns = SHEET_COLUMNS[kind];
  return rows.map(({ rowNo, cells }) => {
    const p: Problems = [];
    for (const c of columns) cellProblems(p, c, cells[c.key] ?? '');
    rule(p, cells, rowNo);
    return { rowNo, cells, problems: p };
  });
}

/** An import of a kind is for whoever may create one of that kind (the contract's access of items.create, opening.postStock, …). */
export function requireImportAccess(ctx: Ctx, kind: ImportKind): void {
  const method = IMPORT_ACCESS_METHOD[kind];
  const access = contract[method].access as readonly Role[];
  if (!actor(ctx).roles.some((r) => access.includes(r))) fail('forbidden', { method, roles: access.map((r) => ROLE_ZH[r]) });
}
