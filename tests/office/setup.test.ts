// The first-run setup (issue #10): the office's details (office.update: who may, each field bounded,
// refused with the field named in Chinese and English, audited) and what the office still lacks
// (office.setupStatus), which shrinks as the office is set up and is empty for a set-up office.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice, err, makeCore, ok, type TestCore } from '../helpers/index';

const ALL_KEYS = ['office.details', 'supplier', 'customer', 'role.keeper', 'role.finance', 'role.manager', 'items', 'opening', 'printSettings'];

// every test: a new office and its administrator, logged in
let t: TestCore;
let admin: string;
beforeEach(async () => {
  t = await makeCore();
  ok(await t.core.call('office.init', { name: '华东办事处', admin: { name: '管理员', pin: '0000' } }));
  admin = ok(await t.core.call('auth.login', { user: '管理员', pin: '0000' })).sessionToken;
});
afterEach(() => t.close());

describe('a new office, set up step by step', () => {
  const as = (sessionToken: string) => ({ sessionToken });
  const missing = async (token = admin) => ok(await t.core.call('office.setupStatus', {}, as(token))).missing;
  const keys = async (token = admin) => (await missing(token)).map((m) => m.key);

  it('lacks everything at first, each item with the screen and the method that fix it, in Chinese and English', async () => {
    const all = await missing();
    expect(all.map((m) => m.key)).toEqual(ALL_KEYS);
    expect(all.find((m) => m.key === 'supplier')).toEqual({
      key: 'supplier',
      message_zh: '还没有供应商: 入库单无法过账',
      message_en: 'no supplier yet: inbound slips cannot be posted',
      screen: 'customers/suppliers',
      method: 'suppliers.create',
      optional: false,
    });
    expect(all.find((m) => m.key === 'office.details')).toMatchObject({
      message_zh: '办事处信息不全: 缺地址、电话、上级公司/总部',
      message_en: 'office details incomplete: no address, phone, HQ',
      screen: 'setup/office',
    });
    expect(all.find((m) => m.key === 'role.keeper')).toMatchObject({ message_zh: '还没有库管员: 入库单和发货单无人过账', screen: 'users' });
    expect(all.find((m) => m.key === 'printSettings')).toMatchObject({ optional: true, screen: 'print-settings' });
    // needs a session, but any role may read it
    expect(err(await t.core.call('office.setupStatus', {})).code).toBe('not_logged_in');
  });

  it('shrinks as the office is set up, step by step, down to nothing', async () => {
    ok(await t.core.call('office.update', { address: '杭州市西湖区文三路 1 号' }, as(admin)));
    expect((await missing()).find((m) => m.key === 'office.details')?.message_zh).toBe('办事处信息不全: 缺电话、上级公司/总部');
    ok(await t.core.call('office.update', { phone: '0571-8888 6666 转 801', hqName: '某某陶瓷股份有限公司' }, as(admin)));
    expect(await keys()).not.toContain('office.details');

    // one person holds two roles (兼任): the manager who is also the finance supervisor
    ok(await t.core.call('users.create', { name: '张经理', roles: ['manager', 'finance'], pin: '1111' }, as(admin)));
    expect(await keys()).toEqual(['supplier', 'customer', 'role.keeper', 'items', 'opening', 'printSettings']);
    ok(await t.core.call('users.create', { name: '李库管', roles: ['keeper'], pin: '2222' }, as(admin)));
    const manager = ok(await t.core.call('auth.login', { user: '张经理', pin: '1111' })).sessionToken;

    ok(await t.core.call('suppliers.create', { code: 'HQ', name: '某某陶瓷股份有限公司' }, as(manager)));
    ok(await t.core.call('customers.create', { code: 'KH001', name: '吉野建材' }, as(manager)));
    ok(await t.core.call('items.create', { code: 'CZ-8801', name: '抛光砖', unit: '片' }, as(manager)));
    ok(await t.core.call('documents.updateSettings', { paper: 'A4' }, as(admin)));
    expect(await keys(manager)).toEqual(['opening']);
    ok(await t.core.call('opening.setCash', { lines: [{ account: 'cash', amountFen: 50_000 }] }, as(manager)));
    expect(await missing(manager)).toEqual([]);
  });

  it('counts only what is in use: a deactivated user does not hold their roles', async () => {
    const u = ok(await t.core.call('users.create', { name: '李库管', roles: ['keeper'], pin: '2222' }, as(admin)));
    expect(await keys()).not.toContain('role.keeper');
    ok(await t.core.call('users.update', { userId: u.id, active: false }, as(admin)));
    expect(await keys()).toContain('role.keeper');
  });

  it('lacks only the opening balances in the demo office once its details and paper are confirmed', async () => {
    const d = await demoOffice();
    try {
      ok(await d.core.call('office.update', { address: '杭州', phone: '0571-1', hqName: '总部' }, { sessionToken: d.tokens.manager }));
      ok(await d.core.call('documents.updateSettings', { paper: 'A5' }, { sessionToken: d.tokens.manager }));
      const left = ok(await d.core.call('office.setupStatus', {}, { sessionToken: d.tokens.sales })).missing.map((m) => m.key);
      // the demo seeds users for every role, items, customers and HQ, but no opening balances
      expect(left).toEqual(['opening']);
    } finally {
      d.close();
    }
  });
});

describe('office.update', () => {
  it('changes only the fields given, office.get returns them, and the change is audited', async () => {
    const r = ok(
      await t.core.call(
        'office.update',
        { address: ' 杭州市文三路 1 号 ', phone: '+86 (571) 8888-6666', hqName: '某某陶瓷', defaultPrinter: 'EPSON LQ-630K' },
        { sessionToken: admin },
      ),
    );
    expect(r).toMatchObject({ name: '华东办事处', shortName: '华东办事处', address: '杭州市文三路 1 号', phone: '+86 (571) 8888-6666', hqName: '某某陶瓷' });
    ok(await t.core.call('office.update', { shortName: '华东', defaultPrinter: null }, { sessionToken: admin }));
    const got = ok(await t.core.call('office.get', {})).office;
    expect(got).toMatchObject({ name: '华东办事处', shortName: '华东', address: '杭州市文三路 1 号', hqName: '某某陶瓷', defaultPrinter: null });
    const audit = t.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'office.update' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['address,phone,hqName,defaultPrinter', 'shortName,defaultPrinter']);
  });

  it('refuses bad input naming the field in Chinese and English, and changes nothing', async () => {
    const tooLong = err(await t.core.call('office.update', { address: '路'.repeat(201) }, { sessionToken: admin }));
    expect(tooLong.code).toBe('invalid_input');
    expect(tooLong.details).toMatchObject({ field: 'address', field_zh: '地址', field_en: 'address' });
    expect(tooLong.message_zh).toContain('地址');
    expect(tooLong.message_en).toContain('address');

    const phone = err(await t.core.call('office.update', { phone: '电话号码' }, { sessionToken: admin }));
    expect(phone.details).toMatchObject({ field: 'phone', field_zh: '电话', field_en: 'phone' });
    const name = err(await t.core.call('office.update', { name: '  ' }, { sessionToken: admin }));
    expect(name.details).toMatchObject({ field: 'name', field_zh: '办事处名称', field_en: 'office name' });
    const hq = err(await t.core.call('office.update', { hqName: '总'.repeat(101) }, { sessionToken: admin }));
    expect(hq.details).toMatchObject({ field: 'hqName', field_zh: '上级公司/总部', field_en: 'HQ' });

    expect(ok(await t.core.call('office.get', {})).office).toMatchObject({ name: '华东办事处', address: '', phone: '', hqName: '' });
    expect(t.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE method = 'office.update'").pluck().get()).toBe(0);
  });

  it('is for the administrator and the manager only', async () => {
    ok(await t.core.call('users.create', { name: '张经理', roles: ['manager'], pin: '1111' }, { sessionToken: admin }));
    ok(
      await t.core.call(
        'users.create',
        { name: '王会计', roles: ['finance', 'statistician'], pin: '2222', secondPin: { user: '张经理', pin: '1111' } },
        { sessionToken: admin },
      ),
    );
    const manager = ok(await t.core.call('auth.login', { user: '张经理', pin: '1111' })).sessionToken;
    const finance = ok(await t.core.call('auth.login', { user: '王会计', pin: '2222' })).sessionToken;
    ok(await t.core.call('office.update', { phone: '0571-1' }, { sessionToken: manager }));
    const refused = err(await t.core.call('office.update', { phone: '0571-2' }, { sessionToken: finance }));
    expect(refused.code).toBe('forbidden');
    expect(err(await t.core.call('office.update', { phone: '0571-2' })).code).toBe('not_logged_in');
    expect(ok(await t.core.call('office.get', {})).office?.phone).toBe('0571-1');
  });
});
