// Rules from the office's manual that the core enforces beyond the contract's role lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { SECOND_PIN } from '../helpers/index';

describe('office rules', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('only the manager sets or changes the safety stock (安全库存定额)', async () => {
    const item = o.itemId('CZ-8801');
    const byKeeper = err(await o.core.call('items.update', { itemId: item, safetyStock: 5 }, { sessionToken: o.tokens.keeper }));
    expect(byKeeper.code).toBe('manager_only');
    expect(byKeeper.message_zh).toContain('安全库存');
    // The keeper may still edit other fields, and re-sending the same quota is no change.
    const same = ok(await o.core.call('items.get', { itemId: item }, { sessionToken: o.tokens.keeper })).safetyStock;
    ok(await o.core.call('items.update', { itemId: item, spec: '800×800mm 一级品', safetyStock: same }, { sessionToken: o.tokens.keeper }));
    const created = err(
      await o.core.call('items.create', { code: 'NEW-1', name: '新品', unit: '片', safetyStock: 10 }, { sessionToken: o.tokens.statistician }),
    );
    expect(created.code).toBe('manager_only');
    expect(ok(await o.core.call('items.update', { itemId: item, safetyStock: 150 }, { sessionToken: o.tokens.manager })).safetyStock).toBe(150);
  });

  it('the last administrator cannot be disabled or lose the role', async () => {
    const admin = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.admin }));
    expect(err(await o.core.call('users.update', { userId: admin.id, active: false }, { sessionToken: o.tokens.manager })).code).toBe('last_admin');
    expect(err(await o.core.call('users.update', { userId: admin.id, roles: ['manager'] }, { sessionToken: o.tokens.manager })).code).toBe('last_admin');
    const second = ok(
      await o.core.call('users.create', { name: '备用管理员', roles: ['admin'], pin: '9090', secondPin: SECOND_PIN }, { sessionToken: o.tokens.admin }),
    );
    ok(await o.core.call('users.update', { userId: admin.id, roles: ['admin', 'statistician'] }, { sessionToken: o.tokens.manager }));
    expect(ok(await o.core.call('users.update', { userId: second.id, active: false }, { sessionToken: o.tokens.manager })).active).toBe(false);
  });

  it('no one changes their own roles; their title and PIN they may; another administrator changes the roles', async () => {
    const manager = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.manager }));
    const e = err(await o.core.call('users.update', { userId: manager.id, roles: [...manager.roles, 'finance'] }, { sessionToken: o.tokens.manager }));
    expect([e.code, e.message_zh]).toEqual(['own_roles', `「${manager.name}」不能修改自己的角色: 请由另一位管理员修改`]);
    expect(ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.manager })).roles).toEqual(manager.roles);
    // the same roles in another order change nothing, so they pass with the title
    ok(await o.core.call('users.update', { userId: manager.id, title: '经理', roles: [...manager.roles].reverse() }, { sessionToken: o.tokens.manager }));
    const admin = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.admin }));
    expect(err(await o.core.call('users.update', { userId: admin.id, roles: ['admin', 'manager'] }, { sessionToken: o.tokens.admin })).code).toBe('own_roles');
    expect(
      ok(await o.core.call('users.update', { userId: manager.id, roles: [...manager.roles, 'statistician'] }, { sessionToken: o.tokens.admin })).roles,
    ).toContain('statistician');
  });
});

describe('suppliers', () => {
  it('the keeper edits HQ’s details; a sales user may not; an unknown supplier is a clear error', async () => {
    const o = await demoOffice();
    try {
      const s = ok(
        await o.core.call(
          'suppliers.update',
          { supplierId: o.supplierId, contact: '总部仓 周主管', phone: '021-5555 0000' },
          { sessionToken: o.tokens.keeper },
        ),
      );
      expect(s).toMatchObject({ name: '营销中心总部仓', contact: '总部仓 周主管', phone: '021-5555 0000', active: true });
      expect(err(await o.core.call('suppliers.update', { supplierId: o.supplierId, phone: '1' }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
      const missing = err(await o.core.call('suppliers.update', { supplierId: 999, phone: '1' }, { sessionToken: o.tokens.keeper }));
      expect(missing.code).toBe('not_found');
      expect(missing.message_zh).toContain('供应商');
    } finally {
      o.close();
    }
  });
});
