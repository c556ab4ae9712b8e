// office.init / office.get, log-in and sessions (auth.*), the PIN lock-out, and users.* with
// several roles per person (兼任). Every test runs on a real SQLite file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/store/migrate';
import { demoOffice, err, fixture, makeCore, ok, type DemoOffice, type TestCore } from '../helpers/index';
import { SECOND_PIN } from '../helpers/index';

const count = (t: TestCore, table: string) => t.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('office.init and office.get', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeCore();
  });
  afterEach(() => t.close());

  it('a fresh file is not set up; init creates the office, its key and the first administrator, once only', async () => {
    expect(ok(await t.core.call('office.get', {}))).toEqual({
      initialised: false,
      office: null,
      schemaVersion: latestVersion(),
      now: '2026-11-29T01:00:00.000Z',
    });
    // office.get needs no session and no input at all
    expect(ok(await t.core.callUnknown('office.get', undefined))).toMatchObject({ initialised: false });

    const r = ok(await t.core.call('office.init', { name: '测试办事处', admin: { name: '管理员', pin: '0000' } }));
    expect(r.office).toEqual({
      name: '测试办事处',
      shortName: '测试办事处', // defaults to the name
      timezone: 'Asia/Shanghai',
      publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
      createdAt: '2026-11-29T01:00:00.000Z',
      // the details come later, in the setup flow (office.update)
      address: '',
      phone: '',
      hqName: '',
      defaultPrinter: null,
      pinLength: 4,
    });
    expect(r.admin).toEqual({ id: expect.any(Number), name: '管理员', title: '系统管理员', roles: ['admin'], active: true });

    const got = ok(await t.core.call('office.get', {}));
    expect(got).toEqual({ initialised: true, office: r.office, schemaVersion: latestVersion(), now: '2026-11-29T01:00:00.000Z' });
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');

    const again = err(await t.core.call('office.init', { name: '第二个', admin: { name: '别人', pin: '1234' } }));
    expect(again.code).toBe('office_already_initialised');
    expect(again.message_zh).toBe('办事处已经建立, 不能重复初始化');
    expect(again.message_en).toBe('The office is already set up');
    expect(count(t, 'office')).toBe(1);
    expect(count(t, 'users')).toBe(1);
    expect(count(t, 'audit_log')).toBe(1);
    // the administrator can log in
    expect(ok(await t.core.call('auth.login', { user: '管理员', pin: '0000' })).user.roles).toEqual(['admin']);
  });

  it('keeps the short name and timezone given', async () => {
    const r = ok(
      await t.core.call('office.init', { name: '某某陶瓷 华东办事处', shortName: '华东', timezone: 'Asia/Urumqi', admin: { name: 'A', pin: '0000' } }),
    );
    expect(r.office.shortName).toBe('华东');
    expect(r.office.timezone).toBe('Asia/Urumqi');
  });

  it('refuses bad input with a message in Chinese and English, and writes nothing', async () => {
    // each refusal names the field as the setup screen does, and says what is wrong
    const cases: [unknown, string, string, string][] = [
      [{ name: '', admin: { name: 'A', pin: '0000' } }, 'name', '办事处名称: 必填', 'office name: required'],
      [{ name: '   ', admin: { name: 'A', pin: '0000' } }, 'name', '办事处名称: 必填', 'office name: required'],
      [{ name: 'X', admin: { name: 'A', pin: '12' } }, 'admin.pin', '管理员 PIN: 过短(至少 4 字)', 'administrator’s PIN: too short'],
      [{ name: 'X', admin: { name: '', pin: '1234' } }, 'admin.name', '管理员姓名: 必填', 'administrator’s name: required'],
      [{ name: 'X' }, 'admin', '管理员: 必填', 'administrator: required'],
      [{ name: 'X'.repeat(101), admin: { name: 'A', pin: '1234' } }, 'name', '办事处名称: 过长(最多 100 字)', 'office name: too long (at most 100'],
    ];
    for (const [input, path, zh, en] of cases) {
      const e = err(await t.core.callUnknown('office.init', input));
      expect(e.code).toBe('invalid_input');
      expect(e.message_zh).toContain(`输入有误: ${zh}`);
      expect(e.message_en).toContain(`Invalid input: ${en}`);
      expect((e.details.issues as { field: string }[]).map((i) => i.field)).toContain(path);
    }
    const tz = err(await t.core.call('office.init', { name: 'X', timezone: 'Mars/Olympus', admin: { name: 'A', pin: '1234' } }));
    expect(tz.code).toBe('invalid_input');
    expect(tz.message_zh).toContain('Mars/Olympus');
    expect(tz.message_en).toContain('unknown timezone "Mars/Olympus"');
    expect(ok(await t.core.call('office.get', {})).initialised).toBe(false);
    expect(count(t, 'office') + count(t, 'users') + count(t, 'audit_log')).toBe(0);
  });

  it('before the office exists nobody can log in', async () => {
    expect(err(await t.core.call('auth.login', { user: '管理员', pin: '0000' })).code).toBe('bad_credentials');
    expect(ok(await t.core.call('auth.users', {}))).toEqual([]);
  });
});

describe('auth: log-in, sessions, log-out', () => {
  let o: DemoOffice;
  beforeEach(async () => {
    o = await demoOffice();
  });
  afterEach(() => o.close());

  it('auth.users lists active users for the picker, with their roles and nothing secret, without a session', async () => {
    const users = ok(await o.core.call('auth.users', {}));
    expect(users.map((u) => u.name)).toEqual(['系统管理员', '张伟', '刘洋', '陈静', '王强', '李磊', '赵丽']);
    for (const u of users) expect(Object.keys(u).sort()).toEqual(['id', 'name', 'roles', 'title']);
    expect(users.find((u) => u.name === '李磊')!.roles).toEqual(['driver', 'shipper']);
    expect(JSON.stringify(users)).not.toMatch(/scrypt|pin/i);
  });

  it('logs in by name or by id; whoami answers who; each log-in is its own session', async () => {
    const byName = ok(await o.core.call('auth.login', { user: '王强', pin: '4444' }));
    expect(byName.user).toMatchObject({ name: '王强', roles: ['keeper'], active: true, title: '库管员' });
    expect(byName.sessionToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const byId = ok(await o.core.call('auth.login', { user: byName.user.id, pin: '4444' }));
    expect(byId.user.id).toBe(byName.user.id);
    expect(byId.sessionToken).not.toBe(byName.sessionToken);
    // a name with spaces around it is the same name
    expect(ok(await o.core.call('auth.login', { user: ' 王强 ', pin: '4444' })).user.id).toBe(byName.user.id);
    expect(ok(await o.core.call('auth.whoami', {}, { sessionToken: byName.sessionToken }))).toEqual(byName.user);
  });

  it('a wrong PIN and an unknown user get the same answer', async () => {
    const wrong = err(await o.core.call('auth.login', { user: '王强', pin: '9999' }));
    const nobody = err(await o.core.call('auth.login', { user: '无此人', pin: '4444' }));
    const noId = err(await o.core.call('auth.login', { user: 9999, pin: '4444' }));
    for (const e of [wrong, nobody, noId]) {
      expect(e.code).toBe('bad_credentials');
      expect(e.message_zh).toBe('用户名或 PIN 不正确');
      expect(e.message_en).toBe('Wrong user name or PIN');
    }
    expect(err(await o.core.call('auth.login', { user: '王强', pin: '1' })).code).toBe('invalid_input');
    expect(err(await o.core.callUnknown('auth.login', { user: 0, pin: '4444' })).code).toBe('invalid_input');
  });

  it('logout ends only this session', async () => {
    const a = ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' })).sessionToken;
    const b = ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' })).sessionToken;
    expect(ok(await o.core.call('auth.logout', {}, { sessionToken: a }))).toEqual({ ok: true });
    const e = err(await o.core.call('auth.whoami', {}, { sessionToken: a }));
    expect(e.code).toBe('not_logged_in');
    expect(e.message_zh).toBe('请先登录');
    expect(e.message_en).toBe('Please log in first');
    expect(ok(await o.core.call('auth.whoami', {}, { sessionToken: b })).name).toBe('陈静');
    expect(err(await o.core.call('auth.logout', {}, { sessionToken: a })).code).toBe('not_logged_in');
    expect(err(await o.core.call('auth.logout', {})).code).toBe('not_logged_in');
  });

  it('no token, a made-up token, or a session idle for more than 12 hours is not logged in', async () => {
    expect(err(await o.core.call('auth.whoami', {})).code).toBe('not_logged_in');
    expect(err(await o.core.call('auth.whoami', {}, { sessionToken: 'made-up' })).code).toBe('not_logged_in');
    const t = ok(await o.core.call('auth.login', { user: '刘洋', pin: '2222' })).sessionToken;
    o.clock.advance(11 * 3600_000);
    expect(ok(await o.core.call('auth.whoami', {}, { sessionToken: t })).name).toBe('刘洋'); // use keeps it alive
    o.clock.advance(12 * 3600_000 + 1000);
    expect(err(await o.core.call('auth.whoami', {}, { sessionToken: t })).code).toBe('not_logged_in');
  });

  it('after three free wrong PINs a person waits 15 s, by name and by id alike; then the right PIN works again', async () => {
    const id = ok(await o.core.call('auth.users', {})).find((u) => u.name === '王强')!.id;
    for (let i = 0; i < 4; i++) expect(err(await o.core.call('auth.login', { user: '王强', pin: '0001' })).code).toBe('bad_credentials');
    const locked = err(await o.core.call('auth.login', { user: '王强', pin: '4444' }));
    expect(locked.code).toBe('user_locked');
    expect(locked.details).toEqual({ seconds: 15 });
    expect(locked.message_zh).toBe('PIN 连续输错次数过多, 请 15 秒后再试');
    expect(locked.message_en).toBe('Too many wrong PINs: try again in 15 seconds');
    // the wait is the person's, not how the name was typed
    expect(err(await o.core.call('auth.login', { user: id, pin: '4444' })).code).toBe('user_locked');
    // nor can the PIN be guessed through a signature meanwhile
    expect(err(await o.core.call('slips.sign', { slipId: 1, role: 'manager', user: id, pin: '4444' }, { sessionToken: o.tokens.sales })).code).toBe(
      'user_locked',
    );
    // other people do not wait
    ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' }));
    o.clock.advance(14_000);
    expect(err(await o.core.call('auth.login', { user: '王强', pin: '4444' })).details).toEqual({ seconds: 1 });
    o.clock.advance(1_000);
    expect(ok(await o.core.call('auth.login', { user: '王强', pin: '4444' })).user.name).toBe('王强');
  });

  it('a right PIN clears the count; alternating name and id does not dodge it; each wrong PIN past the free ones doubles the wait', async () => {
    const id = ok(await o.core.call('auth.users', {})).find((u) => u.name === '陈静')!.id;
    for (let i = 0; i < 3; i++) err(await o.core.call('auth.login', { user: '陈静', pin: '0000' }));
    ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' }));
    for (let i = 0; i < 3; i++) err(await o.core.call('auth.login', { user: '陈静', pin: '0000' }));
    ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' })); // still no wait
    for (let i = 0; i < 4; i++) err(await o.core.call('auth.login', { user: i % 2 ? id : '陈静', pin: '0000' }));
    expect(err(await o.core.call('auth.login', { user: '陈静', pin: '3333' })).details).toEqual({ seconds: 15 });
    o.clock.advance(15_000);
    // one more wrong PIN after the wait: twice as long
    expect(err(await o.core.call('auth.login', { user: '陈静', pin: '0000' })).code).toBe('bad_credentials');
    expect(err(await o.core.call('auth.login', { user: '陈静', pin: '3333' })).details).toEqual({ seconds: 30 });
    o.clock.advance(30_000);
    expect(ok(await o.core.call('auth.login', { user: '陈静', pin: '3333' })).user.name).toBe('陈静');
  });

  it('wrong PINs on signatures count toward the wait too, though the signing write rolls back', async () => {
    const item = o.itemId('CZ-8801');
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH001'), paymentMode: 'cash', lines: [{ itemId: item, qty: 1 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    for (let i = 0; i < 4; i++)
      expect(err(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: '张伟', pin: '0000' }, { sessionToken: o.tokens.sales })).code).toBe(
        'bad_credentials',
      );
    expect(err(await o.core.call('auth.login', { user: '张伟', pin: '1111' })).code).toBe('user_locked');
    o.clock.advance(15_000);
    const signed = ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: '张伟', pin: '1111' }, { sessionToken: o.tokens.sales }));
    expect(signed.missingSignatures).toEqual(['finance']);
  });
});

describe('users: create, update, list, several roles per person (兼任)', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('creates a user holding several roles, who can act in each of them', async () => {
    const u = ok(
      await o.core.call(
        'users.create',
        { name: '孙兼', title: '库管员兼统计员', roles: ['statistician', 'keeper', 'keeper'], pin: '7391' },
        { sessionToken: o.tokens.manager },
      ),
    );
    expect(u).toEqual({ id: expect.any(Number), name: '孙兼', title: '库管员兼统计员', roles: ['keeper', 'statistician'], active: true });
    const token = ok(await o.core.call('auth.login', { user: '孙兼', pin: '7391' })).sessionToken;
    // as statistician: a dispatch draft (the keeper alone may not open one)
    ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH001'), lines: [{ itemId: o.itemId('CZ-8801'), qty: 1 }] },
        { sessionToken: token },
      ),
    );
    // as keeper: receive and post
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-J1', lines: [{ itemId: o.itemId('CZ-8801'), qty: 2, unitCostFen: 5200 }] },
        { sessionToken: token },
      ),
    );
    expect(ok(await o.core.call('slips.post', { slipId: inb.id }, { sessionToken: token })).postedBy).toEqual({ id: u.id, name: '孙兼' });
    // still not a manager
    expect(err(await o.core.call('users.list', {}, { sessionToken: token })).code).toBe('forbidden');
  });

  it('a manager who is also finance supervisor (兼任) signs a dispatch as either role, never as both', async () => {
    const u = ok(
      await o.core.call('users.create', { name: '钱兼', roles: ['manager', 'finance'], pin: '8642', secondPin: SECOND_PIN }, { sessionToken: o.tokens.admin }),
    );
    expect(u.title).toBe('');
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'credit', lines: [{ itemId: o.itemId('CZ-8802'), qty: 1 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: '钱兼', pin: '8642' }, { sessionToken: o.tokens.sales }));
    const twice = err(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: u.id, pin: '8642' }, { sessionToken: o.tokens.sales }));
    expect(twice.code).toBe('self_approval');
    const finance = fixture.users.find((x) => x.roles.includes('finance') && !x.roles.includes('manager'))!;
    const s = ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: finance.name, pin: finance.pin }, { sessionToken: o.tokens.sales }));
    expect(s.signatures.map((g) => [g.role, g.userName, g.valid])).toEqual([
      ['manager', '钱兼', true],
      ['finance', finance.name, true],
    ]);
    expect(s.missingSignatures).toEqual([]);
  });

  it('refuses a duplicate name, bad roles, a short PIN, and callers who are not admin or manager', async () => {
    const dup = err(await o.core.call('users.create', { name: '张伟', roles: ['sales'], pin: '1234' }, { sessionToken: o.tokens.admin }));
    expect(dup.code).toBe('duplicate');
    expect(dup.message_zh).toBe('用户「张伟」已存在');
    expect(dup.message_en).toBe('user "张伟" already exists');
    for (const bad of [
      { name: 'X1', roles: [], pin: '1234' },
      { name: 'X2', roles: ['boss'], pin: '1234' },
      { name: 'X3', roles: ['sales'], pin: '123' },
      { name: '', roles: ['sales'], pin: '1234' },
      { name: 'X5', roles: ['sales'] },
    ])
      expect(err(await o.core.callUnknown('users.create', bad, { sessionToken: o.tokens.admin })).code).toBe('invalid_input');
    const f = err(await o.core.call('users.create', { name: 'X6', roles: ['sales'], pin: '1234' }, { sessionToken: o.tokens.keeper }));
    expect(f.code).toBe('forbidden');
    expect(f.message_zh).toBe('当前登录的角色无权执行此操作(需要: 系统管理员、办事处经理)');
    expect(f.message_en).toBe('Your roles may not do this (needs one of: 系统管理员, 办事处经理)');
    expect(err(await o.core.call('users.create', { name: 'X7', roles: ['sales'], pin: '1234' })).code).toBe('not_logged_in');
    const names = ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.manager })).map((u) => u.name);
    expect(names.filter((n) => /^X\d$/.test(n))).toEqual([]);
  });

  it('updates title, roles and PIN; a new PIN ends the user’s sessions and the old PIN stops working', async () => {
    const u = ok(await o.core.call('users.create', { name: '周改', roles: ['sales'], pin: '1357' }, { sessionToken: o.tokens.manager }));
    const t1 = ok(await o.core.call('auth.login', { user: '周改', pin: '1357' })).sessionToken;
    const v = ok(await o.core.call('users.update', { userId: u.id, title: '业务员兼司机', roles: ['sales', 'driver'] }, { sessionToken: o.tokens.manager }));
    expect(v).toEqual({ ...u, title: '业务员兼司机', roles: ['driver', 'sales'] });
    // a role change applies to the live session at once
    expect(ok(await o.core.call('auth.whoami', {}, { sessionToken: t1 })).roles).toEqual(['driver', 'sales']);
    ok(await o.core.call('users.update', { userId: u.id, roles: ['driver'] }, { sessionToken: o.tokens.manager }));
    expect(err(await o.core.call('customers.create', { code: 'ZG1', name: '周改的客户' }, { sessionToken: t1 })).code).toBe('forbidden');
    ok(await o.core.call('users.update', { userId: u.id, pin: '2468' }, { sessionToken: o.tokens.manager }));
    expect(err(await o.core.call('auth.whoami', {}, { sessionToken: t1 })).code).toBe('not_logged_in');
    expect(err(await o.core.call('auth.login', { user: '周改', pin: '1357' })).code).toBe('bad_credentials');
    expect(ok(await o.core.call('auth.login', { user: '周改', pin: '2468' })).user.roles).toEqual(['driver']);
    const nf = err(await o.core.call('users.update', { userId: 9999, title: 'x' }, { sessionToken: o.tokens.manager }));
    expect(nf.code).toBe('not_found');
    expect(nf.message_zh).toBe('找不到用户: 9999');
    expect(nf.message_en).toBe('No such user: 9999');
    expect(err(await o.core.call('users.update', { userId: u.id, roles: [] }, { sessionToken: o.tokens.manager })).code).toBe('invalid_input');
    expect(err(await o.core.call('users.update', { userId: u.id, title: 'x' }, { sessionToken: o.tokens.finance })).code).toBe('forbidden');
  });

  it('disabling a user ends their sessions, refuses their log-in and signatures, and hides them from the picker', async () => {
    const u = ok(await o.core.call('users.create', { name: '吴停', roles: ['manager'], pin: '1470', secondPin: SECOND_PIN }, { sessionToken: o.tokens.admin }));
    const t1 = ok(await o.core.call('auth.login', { user: '吴停', pin: '1470' })).sessionToken;
    const t2 = ok(await o.core.call('auth.login', { user: u.id, pin: '1470' })).sessionToken;
    expect(ok(await o.core.call('users.update', { userId: u.id, active: false }, { sessionToken: o.tokens.manager })).active).toBe(false);
    for (const t of [t1, t2]) expect(err(await o.core.call('auth.whoami', {}, { sessionToken: t })).code).toBe('not_logged_in');
    // a disabled user hears the words of a wrong PIN, right PIN or not: nothing tells a stranger who is disabled
    const inactive = err(await o.core.call('auth.login', { user: '吴停', pin: '1470' }));
    expect(inactive).toEqual(err(await o.core.call('auth.login', { user: '吴停', pin: '0000' })));
    expect(inactive).toEqual(err(await o.core.call('auth.login', { user: '王强', pin: '0000' })));
    expect(inactive.message_zh).toBe('用户名或 PIN 不正确');
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH003'), paymentMode: 'cash', lines: [{ itemId: o.itemId('CZ-8803'), qty: 1 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    expect(err(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: '吴停', pin: '1470' }, { sessionToken: o.tokens.sales })).code).toBe(
      'bad_credentials',
    );
    expect(ok(await o.core.call('auth.users', {})).map((x) => x.name)).not.toContain('吴停');
    const all = ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.admin }));
    expect(all.find((x) => x.id === u.id)).toEqual({ ...u, active: false, hasSignature: false });
    // enabled again, they log in again
    ok(await o.core.call('users.update', { userId: u.id, active: true }, { sessionToken: o.tokens.manager }));
    expect(ok(await o.core.call('auth.login', { user: '吴停', pin: '1470' })).user.active).toBe(true);
  });

  it('users.list shows everyone with roles, to admin and manager only', async () => {
    const all = ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.manager }));
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(all.map((u) => u.id)).toEqual([...all.map((u) => u.id)].sort((a, b) => a - b));
    expect(all.find((u) => u.name === '李磊')).toMatchObject({ roles: ['driver', 'shipper'], title: '储运员兼司机(兼任)', active: true });
    expect(JSON.stringify(all)).not.toMatch(/scrypt/);
    for (const role of ['finance', 'statistician', 'keeper', 'shipperDriver', 'sales'] as const)
      expect(err(await o.core.call('users.list', {}, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(err(await o.core.call('users.list', {})).code).toBe('not_logged_in');
    expect(err(await o.core.callUnknown('users.list', { extra: 1 }, { sessionToken: o.tokens.manager })).code).toBe('invalid_input');
  });
});
