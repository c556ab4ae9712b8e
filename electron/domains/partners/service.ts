// Customers (客户) and suppliers (供应商): the master data slips and receivables point at.

import type { Customer, ParsedInput, Supplier } from '../../../shared/contract';
import type { WriteCtx } from '../context';
import { customerView, insertCustomer, insertSupplier, partyRow, supplierView, updateCustomer, updateSupplier, type PartyFields, type PartyRow } from './repo';
import { requireNewCode } from './rules';

const activeOf = (given: boolean | undefined, current: number): number => (given === undefined ? current : given ? 1 : 0);

type PartyChange = { name?: string; kind?: string; contact?: string; phone?: string; address?: string; active?: boolean };

/** The stored fields after an edit: what was given, else what was there. */
function changed(input: PartyChange, r: PartyRow): PartyFields & { active: number } {
  return {
    name: input.name ?? r.name,
    kind: input.kind ?? r.kind,
    contact: input.contact ?? r.contact,
    phone: input.phone ?? r.phone,
    address: input.address ?? r.address,
    active: activeOf(input.active, r.active),
  };
}

export function createCustomer(ctx: WriteCtx, input: ParsedInput<'customers.create'>): Customer {
  requireNewCode(ctx.db, 'customers', input.code);
  const id = insertCustomer(ctx.db, input.code, { ...input, credit_limit_fen: input.creditLimitFen }, ctx.nowIso);
  ctx.auditRef = input.code;
  return customerView(partyRow(ctx.db, 'customers', id));
}

export function editCustomer(ctx: WriteCtx, input: ParsedInput<'customers.update'>): Customer {
  const r = partyRow(ctx.db, 'customers', input.customerId);
  updateCustomer(ctx.db, r.id, { ...changed(input, r), credit_limit_fen: input.creditLimitFen ?? r.credit_limit_fen ?? 0 }, ctx.nowIso);
  ctx.auditRef = r.code;
  return customerView(partyRow(ctx.db, 'customers', r.id));
}

export function createSupplier(ctx: WriteCtx, input: ParsedInput<'suppliers.create'>): Supplier {
  requireNewCode(ctx.db, 'suppliers', input.code);
  const id = insertSupplier(ctx.db, input.code, input, ctx.nowIso);
  ctx.auditRef = input.code;
  return supplierView(partyRow(ctx.db, 'suppliers', id));
}

export function editSupplier(ctx: WriteCtx, input: ParsedInput<'suppliers.update'>): Supplier {
  const r = partyRow(ctx.db, 'suppliers', input.supplierId);
  updateSupplier(ctx.db, r.id, changed(input, r), ctx.nowIso);
  ctx.auditRef = r.code;
  return supplierView(partyRow(ctx.db, 'suppliers', r.id));
}
