// Granting the roles that sign for money and run the desk (manager, finance, admin) takes two
// people (office-rules: 授权须两人): an administrator grants, another administrator or manager —
// not the one granting nor the one receiving — confirms with a PIN; the audit row names them.
// A new office's first manager is the administrator's alone (there is no second person yet).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice, err, makeCore, ok, SECOND_PIN, type DemoOffice } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => o.close());

const create = (who: 'admin' | 'manager', input: Record<string, unknown>) =>
  o.core.call('users.create', { title: '', pin: '8080', ...input } as never, { sessionToken: o.tokens[who] });
const lastAudit = () => o.core.db.prepare('SELECT method, ref FROM audit_log ORDER BY seq DESC LIMIT 1').get();

describe('granting manager, finance or admin', () => {
  it('only an administrator grants them; the manager still adds sales, keepers and drivers', async () => {
    const e = err(await create('manager', { name: '新财务', roles: ['finance'], secondPin: SECOND_PIN }));
    expect([e.code, e.message_zh]).toEqual(['grant_needs_admin', '授予财务主管须由系统管理员操作']);
    ok(await create('manager', { name: '新业务', roles: ['sales'] }));
  });

  it('needs a second person’s PIN: not the granter, not the grantee, an administrator or the manager', async () => {
    const none = err(await create('admin', { name: '新财务', roles: ['finance'] }));
    expect([none.code, none.details.field]).toEqual(['slip_field_required', 'secondPin']);
    expect(none.message_zh).toContain('第二人确认');
    const self = err(await create('admin', { name: '新财务', roles: ['finance'], secondPin: { user: '系统管理员', pin: '0000' } }));
    expect(self.code).toBe('grant_second_person');
    const sales = err(await create('admin', { name: '新财务', roles: ['finance'], secondPin: { user: '赵丽', pin: '6666' } }));
    expect(sales.code).toBe('role_not_held');
    expect(err(await create('admin', { name: '新财务', roles: ['finance'], secondPin: { user: '张伟', pin: '9999' } })).code).toBe('bad_credentials');
    const u = ok(await create('admin', { name: '新财务', roles: ['finance'], secondPin: SECOND_PIN }));
    expect(u.roles).toEqual(['finance']);
    expect(lastAudit()).toEqual({ method: 'users.create', ref: '新财务 (第二人确认: 张伟)' });
  });

  it('adding such a role to someone is a grant too; taking one away or adding another role is not', async () => {
    const u = ok(await create('manager', { name: '小周', roles: ['sales'] }));
    const update = (input: Record<string, unknown>) => o.core.call('users.update', { userId: u.id, ...input } as never, { sessionToken: o.tokens.admin });
    expect(err(await update({ roles: ['sales', 'manager'] })).code).toBe('slip_field_required');
    // the grantee cannot confirm their own grant
    expect(err(await update({ roles: ['sales', 'manager'], secondPin: { user: '小周', pin: '8080' } })).code).toBe('grant_second_person');
    ok(await update({ roles: ['sales', 'manager'], secondPin: SECOND_PIN }));
    ok(await update({ roles: ['sales'] }));
    ok(await update({ roles: ['sales', 'driver'] }));
  });

  it('a new office: the administrator makes its first manager alone; the next grant needs that manager', async () => {
    const t = await makeCore();
    try {
      ok(await t.core.call('office.init', { name: '新办事处', admin: { name: '管理员', pin: '0000' } }));
      const admin = ok(await t.core.call('auth.login', { user: '管理员', pin: '0000' })).sessionToken;
      ok(await t.core.call('users.create', { name: '首任经理', roles: ['manager'], pin: '1111' }, { sessionToken: admin }));
      expect(err(await t.core.call('users.create', { name: '会计', roles: ['finance'], pin: '2222' }, { sessionToken: admin })).code).toBe(
        'slip_field_required',
      );
      ok(
        await t.core.call(
          'users.create',
          { name: '会计', roles: ['finance'], pin: '2222', secondPin: { user: '首任经理', pin: '1111' } },
          { sessionToken: admin },
        ),
      );
    } finally {
      t.close();
    }
  });
});

describe('the change log the manager sees (users.changes)', () => {
  it('lists each grant, role change, PIN reset and disabling, newest first, with who did it and who confirmed; never a PIN', async () => {
    const u = ok(await create('admin', { name: '新财务', roles: ['finance'], secondPin: SECOND_PIN }));
    ok(await o.core.call('users.update', { userId: u.id, pin: '9191' }, { sessionToken: o.tokens.manager }));
    ok(await o.core.call('users.update', { userId: u.id, active: false }, { sessionToken: o.tokens.manager }));
    const log = ok(await o.core.call('users.changes', {}, { sessionToken: o.tokens.manager }));
    expect(log.slice(0, 3)).toEqual([
      expect.objectContaining({ by: '张伟', kind: 'update', user: '新财务', second: null, roles: null, pinSet: false, active: false }),
      expect.objectContaining({ by: '张伟', kind: 'update', user: '新财务', roles: null, pinSet: true, active: null }),
      expect.objectContaining({ by: '系统管理员', kind: 'create', user: '新财务', second: '张伟', roles: ['finance'], pinSet: true }),
    ]);
    expect(JSON.stringify(log)).not.toContain('9191');
    expect(err(await o.core.call('users.changes', {}, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
  });
});
