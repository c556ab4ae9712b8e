// `desk init-demo`: the demo office (electron/demo/demo-office.json, or --fixture FILE of that
// shape) loaded through the core's own methods, into a database that has no office yet.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { seedOffice, type OfficeFixture } from '../demo/seed';
import { cannotOpen, failed, UsageError } from './errors';

export const DEFAULT_FIXTURE = fileURLToPath(new URL('../demo/demo-office.json', import.meta.url));

export function readFixture(path: string): OfficeFixture {
  if (!existsSync(path)) throw new UsageError(`演示数据文件不存在: ${path}`, `No such fixture file: ${path}`);
  let f: unknown;
  try {
    f = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw new UsageError(`演示数据文件不是有效的 JSON: ${m}`, `The fixture is not valid JSON: ${m}`);
  }
  const o = f as Partial<OfficeFixture> | null;
  if (
    !o ||
    typeof o !== 'object' ||
    !o.office ||
    !Array.isArray(o.users) ||
    !Array.isArray(o.items) ||
    !Array.isArray(o.customers) ||
    !Array.isArray(o.suppliers)
  )
    throw new UsageError('演示数据文件缺少 office/users/suppliers/customers/items', 'The fixture lacks office/users/suppliers/customers/items');
  return o as OfficeFixture;
}

export interface DemoResult {
  officeName: string;
  users: { name: string; roles: string[]; pin: string }[];
  items: number;
  customers: number;
  suppliers: number;
}

export async function initDemo(dbPath: string, fixturePath: string, pinCost: number | undefined): Promise<DemoResult> {
  const fixture = readFixture(fixturePath);
  let core;
  try {
    core = await createCore({ dbPath, pinCost });
  } catch (e) {
    throw cannotOpen(dbPath, e);
  }
  try {
    const office = await core.call('office.get', {});
    if (office.ok && office.value.initialised)
      throw failed(
        `数据库里已经有办事处「${office.value.office?.name ?? ''}」, 不再载入演示数据: ${dbPath}`,
        `The database already has an office ("${office.value.office?.name ?? ''}"); the demo was not loaded: ${dbPath}`,
      );
    try {
      await seedOffice(core, fixture);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      throw failed(`载入演示数据失败: ${m}`, `Loading the demo office failed: ${m}`);
    }
    return {
      officeName: fixture.office.name,
      users: fixture.users.map((u) => ({ name: u.name, roles: u.roles, pin: u.pin })),
      items: fixture.items.length,
      customers: fixture.customers.length,
      suppliers: fixture.suppliers.length,
    };
  } finally {
    core.close();
  }
}
