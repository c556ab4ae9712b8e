// Master data: items (商品) with unit and case barcodes, customers and suppliers, and their searches
// by code, name, pinyin initials (拼音首字母) and exact barcode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

describe('items', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());
  const k = () => ({ sessionToken: o.tokens.keeper });

  it('creates an item with a unit and a case barcode; get and findByBarcode return it', async () => {
    const item = ok(
      await o.core.call(
        'items.create',
        {
          code: 'T-100',
          name: '抛光砖 测试灰',
          spec: '600×1200mm',
          unit: '片',
          priceFen: 9900,
          barcodes: [
            { code: '6900000000028', packQty: 6 },
            { code: '6900000000011' }, // packQty defaults to 1
          ],
        },
        k(),
      ),
    );
    expect(item).toEqual({
      id: expect.any(Number),
      code: 'T-100',
      name: '抛光砖 测试灰',
      spec: '600×1200mm',
      unit: '片',
      safetyStock: 0,
      location: '',
      category: '',
      priceFen: 9900,
      pinyin: 'pgzcsh', // 抛光砖 测试灰
      barcodes: [
        { code: '6900000000011', packQty: 1 },
        { code: '6900000000028', packQty: 6 },
      ],
      active: true,
    });
    expect(ok(await o.core.call('items.get', { itemId: item.id }, { sessionToken: o.tokens.statistician }))).toEqual(item);
    expect(ok(await o.core.call('items.get', { itemId: item.id }, { sessionToken: o.tokens.shipper }))).toEqual({ ...item, priceFen: null }); // 保密制度
    expect(ok(await o.core.call('items.findByBarcode', { code: '6900000000028' }, { sessionToken: o.tokens.sales }))).toEqual({ item, packQty: 6 });
    expect(ok(await o.core.call('items.findByBarcode', { code: ' 6900000000011 ' }, k()))).toEqual({ item, packQty: 1 });
  });

  it('the demo case barcodes stand for their pack quantity', async () => {
    const r = ok(await o.core.call('items.findByBarcode', { code: '6923456000117' }, k()));
    expect([r.item.code, r.packQty]).toEqual(['CZ-8801', 3]);
    const u = ok(await o.core.call('items.findByBarcode', { code: '6923456000100' }, k()));
    expect([u.item.code, u.packQty]).toEqual(['CZ-8801', 1]);
  });

  it('a GTIN-14 (a GS1 scan’s AI 01) finds the unit barcode under its 13 digits, and a case code the case barcode', async () => {
    const u = ok(await o.core.call('items.findByBarcode', { code: '06923456000100' }, k()));
    expect([u.item.code, u.packQty]).toEqual(['CZ-8801', 1]);
    expect(err(await o.core.call('items.findByBarcode', { code: '16923456000107' }, k())).code).toBe('not_found');
    const item = u.item;
    ok(await o.core.call('items.linkBarcode', { itemId: item.id, code: '16923456000107', packQty: 12 }, k()));
    const c = ok(await o.core.call('items.findByBarcode', { code: '16923456000107' }, k()));
    expect([c.item.code, c.packQty]).toEqual(['CZ-8801', 12]);
  });

  it('findByBarcode: an unknown code is not found, a malformed one is invalid input', async () => {
    const nf = err(await o.core.call('items.findByBarcode', { code: '6900000009999' }, k()));
    expect(nf.code).toBe('not_found');
    expect(nf.message_zh).toBe('找不到条码: 6900000009999');
    expect(nf.message_en).toBe('No such barcode: 6900000009999');
    for (const code of ['abc', '69 00', 'x'.repeat(33), '条码1234']) {
      const e = err(await o.core.call('items.findByBarcode', { code }, k()));
      expect(e.code).toBe('invalid_input');
      expect(e.message_en).toContain('barcode: not a barcode (4–32 letters or digits)');
      expect(e.message_zh).toContain('条码: 格式不对(4–32 位字母或数字)');
    }
    expect(err(await o.core.call('items.findByBarcode', { code: '6923456000117' })).code).toBe('not_logged_in');
  });

  it('refuses a duplicate code, a barcode of another item, a barcode twice, and creates nothing', async () => {
    const dup = err(await o.core.call('items.create', { code: 'CZ-8801', name: '重复', unit: '片' }, k()));
    expect(dup.code).toBe('duplicate');
    expect(dup.message_zh).toBe('商品编码「CZ-8801」已存在');
    expect(dup.message_en).toBe('item code "CZ-8801" already exists');
    const taken = err(
      await o.core.call(
        'items.create',
        { code: 'T-200', name: '新', unit: '片', barcodes: [{ code: '6900000000035' }, { code: '6923456000117', packQty: 3 }] },
        k(),
      ),
    );
    expect(taken.code).toBe('barcode_taken');
    expect(taken.message_zh).toBe('条码 6923456000117 已属于商品 CZ-8801');
    expect(taken.message_en).toBe('Barcode 6923456000117 already belongs to item CZ-8801');
    expect(taken.details).toEqual({ code: '6923456000117', itemCode: 'CZ-8801' });
    const twice = err(
      await o.core.call(
        'items.create',
        { code: 'T-201', name: '新', unit: '片', barcodes: [{ code: '6900000000042' }, { code: '6900000000042', packQty: 2 }] },
        k(),
      ),
    );
    expect(twice.code).toBe('duplicate');
    expect(twice.message_zh).toBe('条码「6900000000042」已存在');
    // nothing of the refused items was kept: neither the item nor its first barcode
    expect(ok(await o.core.call('items.list', { query: 'T-20', includeInactive: true }, k())).total).toBe(0);
    expect(err(await o.core.call('items.findByBarcode', { code: '6900000000035' }, k())).code).toBe('not_found');
    expect(err(await o.core.call('items.findByBarcode', { code: '6900000000042' }, k())).code).toBe('not_found');
  });

  it('refuses bad input and the wrong roles', async () => {
    const bad: [unknown, string][] = [
      [{ code: '', name: 'x', unit: '片' }, 'code'],
      [{ code: 'B1', name: 'x' }, 'unit'],
      [{ code: 'B1', name: '', unit: '片' }, 'name'],
      [{ code: 'B1', name: 'x', unit: '片', priceFen: -1 }, 'priceFen'],
      [{ code: 'B1', name: 'x', unit: '片', priceFen: 1.5 }, 'priceFen'],
      [{ code: 'B1', name: 'x'.repeat(101), unit: '片' }, 'name'],
      [{ code: 'B1', name: 'x', unit: '片', safetyStock: -3 }, 'safetyStock'],
      [{ code: 'B1', name: 'x', unit: '片', barcodes: [{ code: '12' }] }, 'barcodes.0.code'],
      [{ code: 'B1', name: 'x', unit: '片', barcodes: [{ code: '12345', packQty: 0 }] }, 'barcodes.0.packQty'],
    ];
    for (const [input, path] of bad) {
      const e = err(await o.core.callUnknown('items.create', input, k()));
      expect(e.code).toBe('invalid_input');
      const issue = (e.details.issues as { field: string; field_zh: string; field_en: string }[]).find((i) => i.field === path);
      expect(issue, path).toBeDefined();
      expect(e.message_zh).toContain(`${issue!.field_zh}: `);
      expect(e.message_en).toContain(`${issue!.field_en}: `);
      expect(e.message_en).not.toMatch(/expected|Too small|Too big/);
    }
    for (const role of ['finance', 'sales', 'shipper', 'admin'] as const) {
      const e = err(await o.core.call('items.create', { code: 'B2', name: 'x', unit: '片' }, { sessionToken: o.tokens[role] }));
      expect(e.code).toBe('forbidden');
      expect(e.message_zh).toContain('库管员、统计员、办事处经理');
    }
    expect(err(await o.core.call('items.create', { code: 'B2', name: 'x', unit: '片' })).code).toBe('not_logged_in');
    expect(ok(await o.core.call('items.list', { query: 'B', includeInactive: true }, k())).rows.map((i) => i.code)).not.toContain('B1');
  });

  it('linkBarcode attaches a new code (unknown codes met while scanning), refuses one taken by another item', async () => {
    const id = o.itemId('WY-1001');
    const linked = ok(await o.core.call('items.linkBarcode', { itemId: id, code: '6900000000059', packQty: 2 }, { sessionToken: o.tokens.statistician }));
    expect(linked.barcodes).toEqual([
      { code: '6923456000308', packQty: 1 },
      { code: '6900000000059', packQty: 2 },
    ]);
    expect(ok(await o.core.call('items.findByBarcode', { code: '6900000000059' }, k()))).toMatchObject({ item: { id }, packQty: 2 });
    // re-linking the item's own code changes its pack quantity; packQty defaults to 1
    expect(ok(await o.core.call('items.linkBarcode', { itemId: id, code: '6900000000059' }, k())).barcodes).toContainEqual({
      code: '6900000000059',
      packQty: 1,
    });
    const taken = err(await o.core.call('items.linkBarcode', { itemId: id, code: '6923456000100' }, k()));
    expect(taken.code).toBe('barcode_taken');
    expect(taken.details).toEqual({ code: '6923456000100', itemCode: 'CZ-8801' });
    expect(ok(await o.core.call('items.findByBarcode', { code: '6923456000100' }, k())).item.code).toBe('CZ-8801');
    const nf = err(await o.core.call('items.linkBarcode', { itemId: 99999, code: '6900000000066' }, k()));
    expect(nf.code).toBe('not_found');
    expect(nf.message_zh).toBe('找不到商品: 99999');
    expect(err(await o.core.call('items.linkBarcode', { itemId: id, code: '12' }, k())).code).toBe('invalid_input');
    expect(err(await o.core.call('items.linkBarcode', { itemId: id, code: '6900000000066', packQty: 0 }, k())).code).toBe('invalid_input');
    expect(err(await o.core.call('items.linkBarcode', { itemId: id, code: '6900000000066' }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
    expect(err(await o.core.call('items.findByBarcode', { code: '6900000000066' }, k())).code).toBe('not_found');
  });

  it('items.get: not found and bad ids', async () => {
    expect(err(await o.core.call('items.get', { itemId: 424242 }, k())).code).toBe('not_found');
    for (const itemId of [0, -1, 1.5, '1']) expect(err(await o.core.callUnknown('items.get', { itemId }, k())).code).toBe('invalid_input');
  });

  it('list searches by code, name, pinyin initials and exact barcode', async () => {
    const codes = async (query: string) => ok(await o.core.call('items.list', { query }, { sessionToken: o.tokens.sales })).rows.map((i) => i.code);
    expect(await codes('CZ-88')).toEqual(['CZ-8801', 'CZ-8802', 'CZ-8803']);
    expect(await codes('cz-880')).toEqual(['CZ-8801', 'CZ-8802', 'CZ-8803']);
    expect(await codes('马桶')).toEqual(['WY-1001', 'WY-1002']);
    // 拼音首字母: 'pgz' is 抛光砖
    expect(await codes('pgz')).toEqual(['CZ-8801', 'CZ-8802', 'T-100']);
    expect(await codes('PGZ')).toEqual(['CZ-8801', 'CZ-8802', 'T-100']);
    expect(await codes('pgzydmb')).toEqual(['CZ-8801']);
    expect(await codes('fgz')).toEqual(['CZ-6601', 'CZ-6602']); // 仿古砖
    // a name with a rare character: 壁挂马桶 堃系列 → bgmtkxl
    expect(await codes('kxl')).toEqual(['WY-1002']);
    // an exact barcode, unit or case; part of a barcode is not a match
    expect(await codes('6923456000117')).toEqual(['CZ-8801']);
    expect(await codes('6923456000490')).toEqual(['FL-0003']);
    expect(await codes('692345600011')).toEqual([]);
    // LIKE wildcards are taken literally
    expect(await codes('%')).toEqual([]);
    expect(await codes('_')).toEqual([]);
    expect(await codes('CZ_88')).toEqual([]);
  });

  it('list pages, counts, and hides inactive items unless asked', async () => {
    const all = ok(await o.core.call('items.list', { limit: 1000 }, k()));
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((i) => i.code)).toEqual([...all.rows.map((i) => i.code)].sort());
    const seen: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = ok(await o.core.call('items.list', { limit: 7, offset }, k()));
      expect(page.total).toBe(all.total);
      seen.push(...page.rows.map((i) => i.code));
    }
    expect(seen).toEqual(all.rows.map((i) => i.code));
    const id = o.itemId('FL-0003');
    expect(ok(await o.core.call('items.update', { itemId: id, active: false }, k())).active).toBe(false);
    expect(ok(await o.core.call('items.list', { query: 'FL-0003' }, k())).total).toBe(0);
    expect(ok(await o.core.call('items.list', { query: 'FL-0003', includeInactive: true }, k())).rows[0]).toMatchObject({ code: 'FL-0003', active: false });
    ok(await o.core.call('items.update', { itemId: id, active: true }, k()));
    expect(ok(await o.core.call('items.list', { query: 'FL-0003' }, k())).total).toBe(1);
    for (const bad of [{ limit: 0 }, { limit: 1001 }, { offset: -1 }, { query: 'x'.repeat(51) }])
      expect(err(await o.core.callUnknown('items.list', bad, k())).code).toBe('invalid_input');
    expect(err(await o.core.call('items.list', {})).code).toBe('not_logged_in');
  });

  it('update changes fields, recomputes pinyin, replaces barcodes; a refused update changes nothing', async () => {
    const id = o.itemId('CZ-3301');
    const before = ok(await o.core.call('items.get', { itemId: id }, k()));
    const after = ok(
      await o.core.call(
        'items.update',
        {
          itemId: id,
          name: '仿古砖 哑光灰',
          spec: '300×300',
          unit: '块',
          priceFen: 750,
          location: 'B-07-1',
          barcodes: [{ code: '6923456000285' }, { code: '6900000000073', packQty: 24 }],
        },
        { sessionToken: o.tokens.statistician },
      ),
    );
    expect(after).toEqual({
      ...before,
      name: '仿古砖 哑光灰',
      pinyin: 'fgzygh',
      spec: '300×300',
      unit: '块',
      priceFen: 750,
      location: 'B-07-1',
      barcodes: [
        { code: '6923456000285', packQty: 1 },
        { code: '6900000000073', packQty: 24 },
      ],
    });
    // the old case code is free again; the code itself never changes
    expect(err(await o.core.call('items.findByBarcode', { code: '6923456000292' }, k())).code).toBe('not_found');
    expect(after.code).toBe('CZ-3301');
    // fields left out stay
    expect(ok(await o.core.call('items.update', { itemId: id, priceFen: 800 }, k()))).toEqual({ ...after, priceFen: 800 });
    // a barcode of another item: refused, and the item keeps its barcodes (the delete before it rolled back)
    const taken = err(await o.core.call('items.update', { itemId: id, name: '改名', barcodes: [{ code: '6923456000100' }] }, k()));
    expect(taken.code).toBe('barcode_taken');
    expect(ok(await o.core.call('items.get', { itemId: id }, k()))).toEqual({ ...after, priceFen: 800 });
    expect(err(await o.core.call('items.update', { itemId: 99999, name: 'x' }, k())).code).toBe('not_found');
    expect(err(await o.core.call('items.update', { itemId: id, name: '' }, k())).code).toBe('invalid_input');
    expect(err(await o.core.call('items.update', { itemId: id, name: 'x' }, { sessionToken: o.tokens.finance })).code).toBe('forbidden');
  });
});

describe('customers', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());
  // the statistician reads every customer (a salesperson only their own: tests/reads/read-scope.test.ts)
  const s = () => ({ sessionToken: o.tokens.statistician });

  it('creates with defaults and pinyin; refuses a duplicate code and bad input', async () => {
    const c = ok(await o.core.call('customers.create', { code: 'KH100', name: '金牛装饰 城西店' }, { sessionToken: o.tokens.finance }));
    expect(c).toEqual({
      id: expect.any(Number),
      code: 'KH100',
      name: '金牛装饰 城西店',
      kind: '',
      contact: '',
      phone: '',
      address: '',
      creditLimitFen: 0,
      paymentTermsDays: 0,
      salesperson: null,
      notes: '',
      pinyin: 'jnzscxd',
      active: true,
    });
    const dup = err(await o.core.call('customers.create', { code: 'KH001', name: '重复' }, s()));
    expect(dup.code).toBe('duplicate');
    expect(dup.message_zh).toBe('客户编码「KH001」已存在');
    expect(dup.message_en).toBe('customer code "KH001" already exists');
    for (const bad of [
      { code: '', name: 'x' },
      { code: 'KH101', name: '' },
      { code: 'KH101', name: 'x', creditLimitFen: -1 },
      { code: 'KH101', name: 'x', phone: '1'.repeat(31) },
      { code: 'x'.repeat(33), name: 'x' },
    ])
      expect(err(await o.core.callUnknown('customers.create', bad, s())).code).toBe('invalid_input');
    for (const role of ['keeper', 'shipper', 'admin'] as const)
      expect(err(await o.core.call('customers.create', { code: 'KH102', name: 'x' }, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(ok(await o.core.call('customers.list', { query: 'KH10' }, s())).rows.map((r) => r.code)).toEqual(['KH100']);
  });

  it('searches by code, name and pinyin initials, rare characters included', async () => {
    const codes = async (query: string) => ok(await o.core.call('customers.list', { query }, { sessionToken: o.tokens.keeper })).rows.map((r) => r.code);
    expect(await codes('KH00')).toEqual(['KH001', 'KH002', 'KH003', 'KH004', 'KH005', 'KH006', 'KH007', 'KH008']);
    expect(await codes('装饰')).toEqual(['KH002', 'KH007', 'KH100']);
    expect(await codes('hmzs')).toEqual(['KH002']); // 华美装饰
    expect(await codes('HMZS')).toEqual(['KH002']);
    expect(await codes('xczmd')).toEqual(['KH003']); // 新城专卖店
    expect(await codes('zkjjg')).toEqual(['KH005']); // 喆堃家居馆
    expect(await codes('喆堃')).toEqual(['KH005']);
    expect(await codes('𠮷野')).toEqual(['KH008']);
    expect(await codes('无此客户')).toEqual([]);
    const page = ok(await o.core.call('customers.list', { limit: 3, offset: 3 }, s()));
    expect(page.total).toBe(9);
    expect(page.rows.map((r) => r.code)).toEqual(['KH004', 'KH005', 'KH006']);
    expect(err(await o.core.call('customers.list', {})).code).toBe('not_logged_in');
  });

  it('updates fields and pinyin; inactive customers hide from the default list; unknown id is not found', async () => {
    const id = o.customerId('KH006');
    const before = ok(await o.core.call('customers.list', { query: 'KH006' }, s())).rows[0];
    const after = ok(
      await o.core.call(
        'customers.update',
        { customerId: id, name: '门市散客', phone: '021-5555', creditLimitFen: 100_00 },
        // the credit limit is the manager's to set (tests/partners/partners.test.ts refuses the others)
        { sessionToken: o.tokens.manager },
      ),
    );
    expect(after).toEqual({ ...before, name: '门市散客', phone: '021-5555', creditLimitFen: 10000, pinyin: 'mssk' });
    expect(ok(await o.core.call('customers.list', { query: 'mssk' }, s())).rows.map((r) => r.id)).toEqual([id]);
    ok(await o.core.call('customers.update', { customerId: id, active: false }, s()));
    expect(ok(await o.core.call('customers.list', { query: 'KH006' }, s())).total).toBe(0);
    expect(ok(await o.core.call('customers.list', { query: 'KH006', includeInactive: true }, s())).rows[0]).toEqual({ ...after, active: false });
    const nf = err(await o.core.call('customers.update', { customerId: 9999, name: 'x' }, s()));
    expect(nf.code).toBe('not_found');
    expect(nf.message_zh).toBe('找不到客户: 9999');
    expect(err(await o.core.call('customers.update', { customerId: id, creditLimitFen: -5 }, s())).code).toBe('invalid_input');
    expect(err(await o.core.call('customers.update', { customerId: id, name: 'x' }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
  });
});

describe('suppliers', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('creates and lists suppliers by code; refuses duplicates, bad input and the wrong roles', async () => {
    const s = ok(await o.core.call('suppliers.create', { code: 'GYS000', name: '华南总仓', kind: '总部', phone: '020-1' }, { sessionToken: o.tokens.keeper }));
    expect(s).toEqual({
      id: expect.any(Number),
      code: 'GYS000',
      name: '华南总仓',
      kind: '总部',
      contact: '',
      phone: '020-1',
      address: '',
      notes: '',
      active: true,
    });
    const list = ok(await o.core.call('suppliers.list', {}, { sessionToken: o.tokens.sales }));
    expect(list.map((x) => x.code)).toEqual(['GYS000', 'GYS001']);
    expect(list[1]).toMatchObject({ name: '营销中心总部仓', kind: '总部' });
    const dup = err(await o.core.call('suppliers.create', { code: 'GYS001', name: '重复' }, { sessionToken: o.tokens.statistician }));
    expect(dup.code).toBe('duplicate');
    expect(dup.message_zh).toBe('供应商编码「GYS001」已存在');
    expect(err(await o.core.callUnknown('suppliers.create', { code: 'GYS002' }, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    for (const role of ['sales', 'finance', 'shipper'] as const)
      expect(err(await o.core.call('suppliers.create', { code: 'GYS003', name: 'x' }, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(err(await o.core.call('suppliers.list', {})).code).toBe('not_logged_in');
    expect(err(await o.core.callUnknown('suppliers.list', { query: 'x' }, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    expect(ok(await o.core.call('suppliers.list', {}, { sessionToken: o.tokens.keeper })).length).toBe(2);
  });
});
