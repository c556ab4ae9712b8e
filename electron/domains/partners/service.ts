// Customers (客户) and suppliers (供应商): the master data slips and receivables point at.

import type { Customer, ParsedInput, Supplier } from '../../../shared/contract';
import { actor, type WriteCtx } from '../context';
import {
  customerById,
  deleteParty,
  insertCustomer,
  insertSupplier,
  partyRow,
  supplierView,
  updateCustomer,
  updateSupplier,
  type PartyFields,
  type PartyRow,
  type PartyTable,
} from './repo';
import { ownerOfNewCustomer, requireManagerForCreditLimit, requireNewCode, requireNoHistory, requireOwnCustomerEdit, requireSalesperson } from './rules';
import { readerOf } from '../reads/scope';

const activeOf = (given: boolean | undefined, current: number): number => (given === undefined ? current : given ? 1 : 0);

type PartyChange = { name?: string; kind?: string; contact?: string; phone?: string; address?: string; notes?: string; active?: boolean };

/** The stored fields after an edit: what was given, else what was there. */
function changed(input: PartyChange, r: PartyRow): PartyFields & { active: number } {
  return {
    name: input.name ?? r.name,
    kind: input.kind ?? r.kind,
    contact: input.contact ?? r.contact,
    phone: input.phone ?? r.phone,
    address: input.address ?? r.address,
    notes: input.notes ?? r.notes,
    active: activeOf(input.active, r.active),
  };
}

export function createCustomer(ctx: WriteCtx, input: ParsedInput<'customers.create'>): Customer {
  requireNewCode(ctx.db, 'customers', input.code);
  requireManagerForCreditLimit(actor(ctx).roles, input.name, input.creditLimitFen, 0);
  const owner = ownerOfNewCustomer(readerOf(ctx), input.code, input.salespersonId);
  requireSalesperson(ctx.db, owner);
  const f = { ...input, credit_limit_fen: input.creditLimitFen, payment_terms_days: input.paymentTermsDays, salesperson_id: owner };
  const id = insertCustomer(ctx.db, input.code, f, ctx.nowIso);
  ctx.auditRef = input.code;
  return customerById(ctx.db, id);
}

export function editCustomer(ctx: WriteCtx, input: ParsedInput<'customers.update'>): Customer {
  const r = partyRow(ctx.db, 'customers', input.customerId);
  requireOwnCustomerEdit(ctx.db, readerOf(ctx), r.id, input.salespersonId);
  requireManagerForCreditLimit(actor(ctx).roles, r.name, input.creditLimitFen, r.credit_limit_fen ?? 0);
  if (input.salespersonId !== r.salesperson_id) requireSalesperson(ctx.db, input.salespersonId);
  updateCustomer(
    ctx.db,
    r.id,
    {
      ...changed(input, r),
      credit_limit_fen: input.creditLimitFen ?? r.credit_limit_fen ?? 0,
      payment_terms_days: input.paymentTermsDays ?? r.payment_terms_days ?? 0,
      salesperson_id: input.salespersonId === undefined ? (r.salesperson_id ?? null) : input.salespersonId,
    },
    ctx.nowIso,
  );
  ctx.auditRef = r.code;
  return customerById(ctx.db, r.id);
}

/** Deletes a customer or supplier entered by mistake; one with history is refused. */
export function removeParty(ctx: WriteCtx, table: PartyTable, id: number): void {
  const r = partyRow(ctx.db, table, id);
  if (table === 'customers') requireOwnCustomerEdit(ctx.db, readerOf(ctx), r.id);
  requireNoHistory(ctx.db, table, r.id, r.code);
  deleteParty(ctx.db, table, r.id);
  ctx.auditRef = r.code;
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
