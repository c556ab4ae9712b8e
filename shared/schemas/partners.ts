// The office's partners: customers (customers.*) and suppliers (suppliers.*).

import { z } from 'zod';
import { Empty, Id, Name, NonNegFen, Page, Text, method } from './common';

const partyFields = {
  code: Name(32),
  name: Name(100),
  kind: Text(20).default(''),
  contact: Text(50).default(''),
  phone: Text(30).default(''),
  address: Text(200).default(''),
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
  active: z.boolean(),
});
export type Supplier = z.infer<typeof Supplier>;

export const partnersMethods = {
  'customers.create': method({
    input: z.object({ ...partyFields, creditLimitFen: NonNegFen.default(0) }),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Add a customer.',
  }),
  'customers.update': method({
    input: z.object({
      customerId: Id,
      name: Name(100).optional(),
      kind: Text(20).optional(),
      contact: Text(50).optional(),
      phone: Text(30).optional(),
      address: Text(200).optional(),
      creditLimitFen: NonNegFen.optional(),
      active: z.boolean().optional(),
    }),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Edit a customer.',
  }),
  'customers.list': method({
    input: z.object({ query: Text(50).default(''), includeInactive: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(Customer), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Search customers by code, name or pinyin initials.',
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
} as const;
