// Importing items, customers and suppliers: the checked rows go in, in the core's one transaction
// (one audit row for the whole import), or none do. The opening kinds book through the opening
// domain (opening.ts).

import { fail } from '../../../shared/errors';
import { parseYuanToFen } from '../../../shared/money';
import type { ParsedInput } from '../../../shared/contract';
import { isOpeningKind, type ImportKind, type MasterImportKind } from '../../../shared/sheets';
import type { WriteCtx } from '../context';
import { insertItem, upsertBarcode } from '../items/repo';
import { insertCustomer, insertSupplier } from '../partners/repo';
import { ownerOfNewCustomer } from '../partners/rules';
import { readerOf } from '../reads/scope';
import { commitOpeningImport } from './opening';
import { checkRows, requireImportAccess } from './rules';

type Cells = Record<string, string>;

const int = (v: string | undefined): number => (v ? Number(v) : 0);
const fen = (v: string | undefined): number => (v ? (parseYuanToFen(v) ?? 0) : 0);
const party = (c: Cells) => ({ name: c.name, kind: c.kind ?? '', contact: c.contact ?? '', phone: c.phone ?? '', address: c.address ?? '', notes: '' });

function insertItemRow(ctx: WriteCtx, c: Cells): void {
  const id = insertItem(
    ctx.db,
    c.code,
    {
      name: c.name,
      spec: c.spec ?? '',
      unit: c.unit,
      safety_stock: int(c.safetyStock),
      location: c.location ?? '',
      category: c.category ?? '',
      price_fen: fen(c.price),
    },
    ctx.nowIso,
  );
  if (c.unitBarcode) upsertBarcode(ctx.db, id, c.unitBarcode, 1);
  if (c.caseBarcode) upsertBarcode(ctx.db, id, c.caseBarcode, int(c.packQty));
}

const INSERT: Record<MasterImportKind, (ctx: WriteCtx, c: Cells) => void> = {
  items: insertItemRow,
  // a salesperson's import makes the customers their own, as customers.create does (保密制度)
  customers: (ctx, c) =>
    void insertCustomer(
      ctx.db,
      c.code,
      { ...party(c), credit_limit_fen: fen(c.creditLimit), payment_terms_days: 0, salesperson_id: ownerOfNewCustomer(readerOf(ctx), c.code, null) },
      ctx.nowIso,
    ),
  suppliers: (ctx, c) => void insertSupplier(ctx.db, c.code, party(c), ctx.nowIso),
};

export function commitImport(ctx: WriteCtx, input: ParsedInput<'import.commit'>): { kind: ImportKind; imported: number } {
  requireImportAccess(ctx, input.kind);
  const checked = checkRows(ctx, input.kind, input.rows);
  const bad = checked.filter((r) => r.problems.length > 0).length;
  if (bad > 0) fail('import_has_problems', { rows: bad });
  const kind = input.kind;
  if (isOpeningKind(kind)) ctx.auditRef = `${commitOpeningImport(ctx, input, checked)} ${input.fileName}`;
  else {
    for (const r of checked) INSERT[kind](ctx, r.cells);
    ctx.auditRef = `${kind} ×${checked.length} ${input.fileName}`.trim();
  }
  return { kind: input.kind, imported: checked.length };
}
