// Load a demo office (the fixture in electron/demo/demo-office.json, or any file of that shape)
// through the core's own methods, so demo data obeys every rule real data does.

import type { Core } from '../core';
import type { Role } from '../../shared/roles';

export interface OfficeFixture {
  office: { name: string; shortName?: string; timezone?: string };
  users: { name: string; roles: Role[]; pin: string; title?: string }[];
  suppliers: { code: string; name: string; kind?: string }[];
  customers: {
    code: string;
    name: string;
    kind?: string;
    contact?: string;
    phone?: string;
    address?: string;
    creditLimitFen?: number;
    /** the name of the salesperson who owns the customer (保密制度: salespeople read only their own) */
    salesperson?: string;
  }[];
  items: {
    code: string;
    name: string;
    spec?: string;
    unit: string;
    barcodes: { code: string; packQty: number }[];
    unitCostFen?: number;
    priceFen?: number;
    safetyStock?: number;
    location?: string;
  }[];
}

export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message_en: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message_en}`);
  return r.value;
}

/** Creates the office, its users, suppliers, customers and items. Returns the manager's session token. */
export async function seedOffice(core: Core, f: OfficeFixture): Promise<{ adminToken: string; managerToken: string }> {
  const admin = f.users.find((u) => u.roles.includes('admin'));
  if (!admin) throw new Error('the fixture has no admin user');
  await must(
    core.call('office.init', {
      name: f.office.name,
      shortName: f.office.shortName,
      timezone: f.office.timezone ?? 'Asia/Shanghai',
      admin: { name: admin.name, pin: admin.pin },
    }),
  );
  const adminToken = (await must(core.call('auth.login', { user: admin.name, pin: admin.pin }))).sessionToken;
  // the first manager is the administrator's alone; later grants of manager, finance or admin are
  // confirmed by a second person (users/rules.ts): the first manager made
  let second: { user: string; pin: string } | undefined;
  for (const u of f.users) {
    if (u === admin) continue;
    await must(
      core.call(
        'users.create',
        { name: u.name, title: u.title ?? '', roles: u.roles, pin: u.pin, ...(second ? { secondPin: second } : {}) },
        { sessionToken: adminToken },
      ),
    );
    if (!second && u.roles.includes('manager')) second = { user: u.name, pin: u.pin };
  }
  const manager = f.users.find((u) => u.roles.includes('manager'));
  if (!manager) throw new Error('the fixture has no manager');
  const managerToken = (await must(core.call('auth.login', { user: manager.name, pin: manager.pin }))).sessionToken;
  const meta = { sessionToken: managerToken };
  for (const s of f.suppliers) await must(core.call('suppliers.create', { code: s.code, name: s.name, kind: s.kind ?? '' }, meta));
  const staff = await must(core.call('users.list', {}, meta));
  const idOf = (name: string) => staff.find((u) => u.name === name)?.id ?? null;
  for (const { salesperson, ...c } of f.customers)
    await must(core.call('customers.create', { ...c, salespersonId: salesperson ? idOf(salesperson) : null }, meta));
  for (const it of f.items)
    await must(
      core.call(
        'items.create',
        {
          code: it.code,
          name: it.name,
          spec: it.spec ?? '',
          unit: it.unit,
          safetyStock: it.safetyStock ?? 0,
          location: it.location ?? '',
          priceFen: it.priceFen ?? 0,
          barcodes: it.barcodes,
        },
        meta,
      ),
    );
  return { adminToken, managerToken };
}
