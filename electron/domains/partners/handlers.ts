// customers.* and suppliers.*.

import type { Handlers } from '../context';
import { customerReachSql, readerOf } from '../reads/scope';
import { listCustomers, listSuppliers } from './repo';
import { createCustomer, createSupplier, editCustomer, editSupplier, removeParty } from './service';

export const partnersHandlers = {
  'customers.create': (input, ctx) => createCustomer(ctx, input),
  'customers.update': (input, ctx) => editCustomer(ctx, input),
  'customers.list': (input, ctx) => listCustomers(ctx.db, { ...input, reachSql: customerReachSql(readerOf(ctx)) }),
  'customers.delete': (input, ctx) => (removeParty(ctx, 'customers', input.customerId), { customerId: input.customerId }),
  'suppliers.create': (input, ctx) => createSupplier(ctx, input),
  'suppliers.update': (input, ctx) => editSupplier(ctx, input),
  'suppliers.list': (_input, ctx) => listSuppliers(ctx.db),
  'suppliers.delete': (input, ctx) => (removeParty(ctx, 'suppliers', input.supplierId), { supplierId: input.supplierId }),
} satisfies Partial<Handlers>;
