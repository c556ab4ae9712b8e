// The office's partners: customers (customers.*) and suppliers (suppliers.*).

import { z } from 'zod';
import { Empty, Id, MultiLineText, Name, NonNegFen, Page, Person, Text, method } from './common';

const partyFields = {
  code: Name(32),
  name: Name(100),
  kind: Text(20).default(''),
  contact: Text(50).default(''),
  phone: Text(30).default(''),
  address: Text(200).default(''),
  notes: MultiLineText(500).default(''),
};
/** 账期: a credit sale falls due this many days after its date. */
export const PaymentTermsDays = z.number().int().min(0).max(365);
const customerFields = {
  ...partyFields,
  creditLimitFen: NonNegFen.default(0),
  paymentTermsDays: PaymentTermsDays.default(0),
  salespersonId: Id.nullable().default(null),
};
export const Customer = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  creditLimitFen: z.number().int(),
  paymentTermsDays: z.number().int(),
  /** the salesperson who owns the customer */
  salesperson: Person.nullable(),
  notes: z.string(),
  pinyin: z.string(),
  active: z.boolean(),
});
export type Customer = z.infer<typeof Customer>;
export const Supplier = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  notes: z.string(),
  active: z.boolean(),
});
export type Supplier = z.infer<typeof Supplier>;

export const partnersMethods = {
  'customers.create': method({
    input: z.object(customerFields),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Add a customer. Only the manager sets a credit limit.',
  }),
  'customers.update': method({
    input: z.object({
      customerId: Id,
      name: Name(100).optional(),
      kind: Text(20).optional(),
      contact: Text(50).optional(),
      phone: Text(30).optional(),
      address: Text(200).optional(),
      notes: MultiLineText(500).optional(),
      creditLimitFen: NonNegFen.optional(),
      paymentTermsDays: PaymentTermsDays.optional(),
      salespersonId: Id.nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Edit or deactivate (active: false) a customer. Only the manager changes a credit limit.',
  }),
  'customers.list': method({
    input: z.object({ query: Text(50).default(''), includeInactive: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(Customer), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Search customers by code, name, pinyin initials or phone.',
  }),
  'customers.delete': method({
    input: z.object({ customerId: Id }),
    output: z.object({ customerId: Id }),
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Delete a customer entered by mistake; one with any slip or receivable is refused (deactivate it instead).',
  }),
  'suppliers.create': method({
    input: z.object(partyFields),
    output: Supplier,
    access: ['statistician', 'keeper', 'manager'],
    write: true,
    doc: 'Add a supplier (HQ’s warehouse is one).',
  }),
  'suppliers.update': method({
    input: z.object({
      supplierId: Id,
      name: Name(100).optional(),
      kind: Text(20).optional(),
      contact: Text(50).optional(),
      phone: Text(30).optional(),
      address: Text(200).optional(),
      notes: MultiLineText(500).optional(),
      active: z.boolean().optional(),
    }),
    output: Supplier,
    access: ['statistician', 'keeper', 'manager'],
    write: true,
    doc: 'Edit a supplier.',
  }),
  'suppliers.list': method({
    input: Empty,
    output: z.array(Supplier),
    access: 'any',
    write: false,
    doc: 'All suppliers.',
  }),
  'suppliers.delete': method({
    input: z.object({ supplierId: Id }),
    output: z.object({ supplierId: Id }),
    access: ['statistician', 'keeper', 'manager'],
    write: true,
    doc: 'Delete a supplier entered by mistake; one with any slip is refused (deactivate it instead).',
  }),
} as const;
