// Shared test helpers: a core on a real SQLite file in a temp folder, a clock the test moves,
// and the demo office seeded through the core's own methods.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core';
import { seedOffice, type OfficeFixture } from '../../electron/demo/seed';
import type { Result } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import demo from '../../electron/demo/demo-office.json';

export const fixture = demo as unknown as OfficeFixture;

/** The demo office's manager confirming a grant of manager, finance or admin (the second person's PIN). */
export const SECOND_PIN = { user: '张伟', pin: '1111' };

/** The demo office's manager and finance supervisor signing a reversal (红字冲销: 经理审核, 财务 where money moved). */
export const REVERSE_SIGNOFFS = (() => {
  const by = (role: Role) => fixture.users.find((u) => u.roles.includes(role) && (role === 'manager' || !u.roles.includes('manager')))!;
  return { manager: { user: by('manager').name, pin: by('manager').pin }, finance: { user: by('finance').name, pin: by('finance').pin } };
})();

/** A clock the test sets and moves; starts at 2026-11-29 09:00 in Shanghai. */
export class TestClock {
  t = Date.parse('2026-11-29T01:00:00Z');
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

export interface TestCore {
  core: Core;
  dir: string;
  dbPath: string;
  clock: TestClock;
  close(): void;
}

export async function makeCore(opts: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const dbPath = opts.dbPath ?? join(dir, 'office.sqlite');
  const clock = new TestClock();
  const core = await createCore({ dbPath, clock: clock.now, pinCost: 1024, checkOutputs: true, ...opts });
  return {
    core,
    dir,
    dbPath,
    clock,
    close() {
      try {
        core.close();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a successful call; a failed call throws with its code so the test says why. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message_en}`);
  return r.value;
}

/** The error of a failed call; a successful call throws. */
export function err<T>(r: Result<T>): { code: string; message_zh: string; message_en: string; details: Record<string, unknown> } {
  if (r.ok) throw new Error('expected an error, got ok');
  return r.error;
}

export type Tokens = Record<Exclude<Role, 'driver'> | 'shipperDriver', string>;

export interface DemoOffice extends TestCore {
  tokens: Tokens;
  /** user name by role, from the fixture */
  names: Record<Role, string>;
  pins: Record<Role, string>;
  itemId(code: string): number;
  customerId(code: string): number;
  supplierId: number;
}

/** The demo office from the fixture: users for every role logged in, items, customers, HQ supplier. */
export async function demoOffice(opts: Partial<CoreOptions> = {}): Promise<DemoOffice> {
  const t = await makeCore(opts);
  await seedOffice(t.core, fixture);
  const names = {} as Record<Role, string>;
  const pins = {} as Record<Role, string>;
  for (const u of fixture.users) for (const r of u.roles) ((names[r] = u.name), (pins[r] = u.pin));
  const login = async (role: Role) => ok(await t.core.call('auth.login', { user: names[role], pin: pins[role] })).sessionToken;
  const tokens: Tokens = {
    manager: await login('manager'),
    finance: await login('finance'),
    statistician: await login('statistician'),
    keeper: await login('keeper'),
    shipper: await login('shipper'),
    shipperDriver: await login('driver'),
    sales: await login('sales'),
    admin: await login('admin'),
  };
  const items = ok(await t.core.call('items.list', { limit: 1000 }, { sessionToken: tokens.keeper })).rows;
  const customers = ok(await t.core.call('customers.list', { limit: 1000 }, { sessionToken: tokens.manager })).rows;
  const suppliers = ok(await t.core.call('suppliers.list', {}, { sessionToken: tokens.keeper }));
  return {
    ...t,
    tokens,
    names,
    pins,
    itemId: (code) =>
      items.find((i) => i.code === code)?.id ??
      (() => {
        throw new Error(`no item ${code}`);
      })(),
    customerId: (code) =>
      customers.find((c) => c.code === code)?.id ??
      (() => {
        throw new Error(`no customer ${code}`);
      })(),
    supplierId: suppliers[0].id,
  };
}
