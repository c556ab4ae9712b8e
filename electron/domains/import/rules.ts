// The rules of an import: every problem of every row at once (missing fields, bad barcodes with
// their check digit, codes and barcodes repeated in the file or already in the books, unknown
// units, negative numbers, amounts with more than two decimals, a safety stock only the manager sets).

import { barcodeProblem } from '../../../shared/barcode';
import { contract, MAX_QTY, type ImportProblem } from '../../../shared/contract';
import { parseYuanToFen } from '../../../shared/money';
import { fail } from '../../../shared/errors';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import { SHEET_COLUMNS, type ImportKind, type SheetColumn } from '../../../shared/sheets';
import { KNOWN_UNITS } from '../../../shared/units';
import { TEXT_PROBLEM_WORDS, textProblem } from '../../../shared/text';
import { sql, type ReadableDB } from '../../store/db';
import { actor, type Ctx } from '../context';

export interface RowIn {
  rowNo: number;
  cells: Record<string, string>;
}

type Problems = ImportProblem[];

function add(p: Problems, c: SheetColumn, code: string, zh: string, en: string): void {
  p.push({ field: c.key, code, message_zh: `${c.zh}: ${zh}`, message_en: `${c.en}: ${en}` });
}

/** Whole numbers and yuan: not negative, whole or with at most two decimals. */
function numberProblems(p: Problems, c: SheetColumn, text: string): void {
  if (text === '' || c.format === 'text') return;
  // yuan as Excel shows them: "12,000.50", "¥9.90" (what parseYuanToFen reads)
  const v = c.format === 'yuan' ? text.replace(/[,，\s]/g, '').replace(/^[￥¥]/, '') : text;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return add(p, c, 'not_number', `「${v}」不是数字`, `"${v}" is not a number`);
  if (v.startsWith('-')) return add(p, c, 'negative', '不能为负数', 'must not be negative');
  const decimals = v.split('.')[1]?.length ?? 0;
  if (c.format === 'int' && decimals > 0) add(p, c, 'not_integer', '须为整数', 'must be a whole number');
  if (c.format === 'yuan' && decimals > 2) add(p, c, 'too_many_decimals', '金额最多两位小数', 'at most two decimals');
  else if (c.format === 'yuan' && parseYuanToFen(v) === null) add(p, c, 'too_large', '金额超出范围', 'amount out of range');
  if (c.format === 'int' && Number(v) > MAX_QTY) add(p, c, 'too_large', '数量超出范围', 'quantity out of range');
}

function cellProblems(p: Problems, c: SheetColumn, v: string): void {
  if (c.required && v === '') return add(p, c, 'missing', '必填', 'required');
  // the contract's one text rule, said on the row before the commit would refuse the whole file
  const text = textProblem(v);
  if (text) add(p, c, 'bad_text', ...TEXT_PROBLEM_WORDS[text]);
  if (c.max !== undefined && v.length > c.max) add(p, c, 'too_long', `最多 ${c.max} 个字`, `at most ${c.max} characters`);
  numberProblems(p, c, v);
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

function books(db: ReadableDB, kind: ImportKind): Books {
  const codes = new Set(sql(db, `SELECT code FROM ${kind}`).pluck().all() as string[]);
  if (kind !== 'items') return { codes, barcodes: new Map(), units: new Set() };
  const owners = sql(db, 'SELECT b.code AS code, i.code AS itemCode FROM item_barcodes b JOIN items i ON i.id = b.item_id').all() as {
    code: string;
    itemCode: string;
  }[];
  const used = sql(db, 'SELECT DISTINCT unit FROM items').pluck().all() as string[];
  return { codes, barcodes: new Map(owners.map((o) => [o.code, o.itemCode])), units: new Set([...KNOWN_UNITS, ...used]) };
}

/** A value met twice: in an earlier row of the file, or in the books. */
class Seen {
  private first = new Map<string, number>();
  check(p: Problems, c: SheetColumn, v: string, rowNo: number, inBooks: string | undefined): void {
    if (v === '') return;
    const earlier = this.first.get(v);
    if (earlier !== undefined) add(p, c, 'duplicate_in_file', `「${v}」与第 ${earlier} 行重复`, `"${v}" repeats row ${earlier}`);
    else this.first.set(v, rowNo);
    if (inBooks !== undefined)
      add(p, c, 'duplicate_in_books', `「${v}」已在账上${inBooks ? `(${inBooks})` : ''}`, `"${v}" is already in the books${inBooks ? ` (${inBooks})` : ''}`);
  }
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

/** Every row with its problems; an empty list means the row may be imported. */
export function checkRows(ctx: Ctx, kind: ImportKind, rows: readonly RowIn[]): { rowNo: number; cells: Record<string, string>; problems: Problems }[] {
  const b = books(ctx.db, kind);
  const codes = new Seen();
  const extra = kind === 'items' ? itemRules(ctx, b, new Seen()) : undefined;
  const columns = SHEET_COLUMNS[kind];
  return rows.map(({ rowNo, cells }) => {
    const p: Problems = [];
    for (const c of columns) cellProblems(p, c, cells[c.key] ?? '');
    codes.check(p, columns[0], cells.code ?? '', rowNo, b.codes.has(cells.code ?? '') ? '' : undefined);
    extra?.(p, cells, rowNo);
    return { rowNo, cells, problems: p };
  });
}

const CREATE_METHOD = { items: 'items.create', customers: 'customers.create', suppliers: 'suppliers.create' } as const;

/** An import of a kind is for whoever may create one of that kind (the contract's access of items.create, …). */
export function requireImportAccess(ctx: Ctx, kind: ImportKind): void {
  const method = CREATE_METHOD[kind];
  const access = contract[method].access as readonly Role[];
  if (!actor(ctx).roles.some((r) => access.includes(r))) fail('forbidden', { method, roles: access.map((r) => ROLE_ZH[r]) });
}
