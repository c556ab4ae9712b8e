// The one text rule at work on a real office (issue 11, defects 1, 4 and 5): what a clerk types is
// stored, hashed into the audit chain and read back as the same text. A lone surrogate, a control
// character or a bidirectional override is refused naming the field, with nothing written, and the
// chain still verifies; a decomposed "é" is stored composed; the audit keeps the input as the
// contract read it, without fields the contract does not know; an input nested thousands deep is
// refused as invalid input, not answered as the desk's own failure.

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../electron/store/db';
import { RpcSession } from '../../electron/cli/rpc';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

/** Every table's rows, so a refusal can be shown to have written nothing. */
function checksum(db: DB): string {
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) h.update(`${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all())}\n`);
  return h.digest('hex');
}

let o: DemoOffice;
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => o.close());

const verify = async () => ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager }));
const lastAudit = () =>
  o.core.db.prepare('SELECT method, input_json, ref, request_id FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    method: string;
    input_json: string;
    ref: string | null;
    request_id: string | null;
  };
const newDispatch = (memo: string, requestId?: string) =>
  o.core.call(
    'slips.create',
    { kind: 'dispatch', customerId: o.customerId('KH001'), paymentMode: 'cash', memo, lines: [{ itemId: o.itemId('CZ-8801'), qty: 1 }] },
    { sessionToken: o.tokens.sales, requestId },
  );
const newCustomer = (fields: Record<string, unknown>) =>
  o.core.callUnknown('customers.create', { code: 'KH-T1', name: '测试客户', ...fields }, { sessionToken: o.tokens.sales });

describe('a lone surrogate never reaches the books', () => {
  it('is refused in a memo, naming the memo, with nothing written; the chain verifies after', async () => {
    const before = checksum(o.core.db);
    const e = err(await newDispatch('货到付款\ud800'));
    expect(e.code).toBe('invalid_input');
    expect(e.details).toMatchObject({ field: 'memo', field_zh: '备注', field_en: 'memo' });
    expect(e.message_zh).toBe('输入有误: 备注: 含有无效字符(残缺的 Unicode 字符)');
    expect(e.message_en).toBe('Invalid input: memo: contains an invalid character (a lone surrogate)');
    expect(checksum(o.core.db)).toBe(before);
    ok(await newDispatch('货到付款'));
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('is refused in a request id, from any caller, with nothing written; the chain verifies after', async () => {
    const before = checksum(o.core.db);
    for (const requestId of ['post-\ud800', 'post-\udc00x', 'post 1', 'x'.repeat(201)]) {
      const e = err(await newDispatch('', requestId));
      expect(e.code).toBe('invalid_input');
      expect(e.details).toMatchObject({ field: 'requestId', field_zh: '请求编号', field_en: 'request id' });
    }
    expect(checksum(o.core.db)).toBe(before);
    ok(await newDispatch('', 'post-7f3a'));
    expect(lastAudit().request_id).toBe('post-7f3a');
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('is refused in a name given for a signing user', async () => {
    const d = ok(await newDispatch(''));
    const e = err(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: '王\ud800', pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
    expect(e.code).toBe('invalid_input');
    expect(e.message_zh).toContain('含有无效字符');
  });
});

describe('texts are stored as one form (NFC)', () => {
  it('stores a decomposed "é" composed, in the books and in the audit, and the chain verifies', async () => {
    const c = ok(await newCustomer({ name: 'Cafe\u0301 Müller', contact: 'Ame\u0301lie' })) as { id: number; name: string };
    expect(c.name).toBe('Caf\u00e9 Müller');
    const row = o.core.db.prepare('SELECT name, contact FROM customers WHERE id = ?').get(c.id);
    expect(row).toEqual({ name: 'Caf\u00e9 Müller', contact: 'Am\u00e9lie' });
    const audit = lastAudit();
    expect(audit.method).toBe('customers.create');
    expect(JSON.parse(audit.input_json)).toMatchObject({ name: 'Caf\u00e9 Müller', contact: 'Am\u00e9lie' });
    expect(audit.input_json).not.toContain('\u0301');
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });
});

describe('nothing hides in a text', () => {
  it('refuses a bidirectional override: a memo "‮gnp.exe" would show as "exe.png"', async () => {
    const before = checksum(o.core.db);
    for (const name of ['\u202egnp.exe', '客户\u2066A\u2069']) {
      const e = err(await newCustomer({ name }));
      expect(e.code).toBe('invalid_input');
      expect(e.details).toMatchObject({ field: 'name', field_zh: '客户名称' });
      expect(e.message_zh).toContain('含有文字方向控制符');
      expect(e.message_en).toContain('contains a text-direction override');
    }
    expect(checksum(o.core.db)).toBe(before);
  });

  it('refuses control characters, takes a tab, and a newline only in a field of several lines', async () => {
    for (const name of ['测试\u0001客户', '测试\u0000', 'a\u001b[31m', '测试\n客户', '测试\r客户']) {
      const e = err(await newCustomer({ name }));
      expect(e.code, JSON.stringify(name)).toBe('invalid_input');
      expect(e.details.field).toBe('name');
    }
    expect(err(await newCustomer({ name: '测试\n客户' })).message_zh).toBe('输入有误: 客户名称: 不能换行');
    expect(err(await newCustomer({ name: '测试\u0001客户' })).message_zh).toBe('输入有误: 客户名称: 含有控制字符');
    const c = ok(await newCustomer({ name: '测试\t客户', notes: ' 周一送货\r\n周五结账 ' })) as { id: number };
    expect(o.core.db.prepare('SELECT name, notes FROM customers WHERE id = ?').get(c.id)).toEqual({ name: '测试\t客户', notes: '周一送货\n周五结账' });
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });
});

describe('the audit keeps the input as the contract read it', () => {
  it('drops fields the contract does not know before anything is stored', async () => {
    const junk = 'x'.repeat(200_000);
    ok(
      await o.core.callUnknown(
        'items.create',
        { code: 'T-1', name: '测试商品', unit: '片', junk, spec: ' 600×600 ', nested: { a: [1, 2] } },
        { sessionToken: o.tokens.keeper },
      ),
    );
    const audit = lastAudit();
    expect(audit.method).toBe('items.create');
    expect(JSON.parse(audit.input_json)).toEqual({
      code: 'T-1',
      name: '测试商品',
      spec: '600×600',
      unit: '片',
      safetyStock: 0,
      location: '',
      category: '',
      priceFen: 0,
      barcodes: [],
    });
    expect(audit.input_json.length).toBeLessThan(200);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('drops them through the CLI too (a 900 KB unknown field leaves a small audit row)', async () => {
    const cli = new RpcSession(o.core);
    const line = JSON.stringify({
      id: 1,
      method: 'suppliers.create',
      input: { code: 'GYS-9', name: '测试供应商', padding: 'y'.repeat(900_000) },
      sessionToken: o.tokens.keeper,
      requestId: 'cli-1',
    });
    const r = await cli.handleLine(line);
    expect(r.ok).toBe(true);
    const audit = lastAudit();
    expect(audit).toMatchObject({ method: 'suppliers.create', request_id: 'cli-1' });
    expect(audit.input_json).not.toContain('padding');
    expect(audit.input_json.length).toBeLessThan(300);
  });
});

describe('an input nested thousands deep', () => {
  const deep = (n: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };

  it('inside an unknown field is refused as invalid input, naming where, with nothing written', async () => {
    const before = checksum(o.core.db);
    const e = err(await o.core.callUnknown('items.create', { code: 'T-2', name: '深', unit: '片', extra: deep(5_000) }, { sessionToken: o.tokens.keeper }));
    expect(e.code).toBe('invalid_input');
    expect(String(e.details.field)).toMatch(/^extra(\.0)+$/);
    expect(e.message_zh).toContain('嵌套过深(最多 16 层)');
    expect(checksum(o.core.db)).toBe(before);
  });

  it('is refused the same way through the CLI, for a read and for a write, even 100,000 deep', async () => {
    const cli = new RpcSession(o.core);
    for (const [method, n] of [
      ['items.list', 5_000],
      ['slips.post', 100_000],
    ] as const) {
      // written out as the line arrives, since JSON.stringify itself gives up this deep
      const line = `{"method":"${method}","sessionToken":"${o.tokens.keeper}","input":{"slipId":1,"deep":${'['.repeat(n)}1${']'.repeat(n)}}}`;
      const r = await cli.handleLine(line);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });
});

describe('an import says the text rule on the row', () => {
  it('marks a cell with a line break, a control character or a direction override before the commit', async () => {
    const csv = [
      '商品编码,品名,规格,单位,单品条码,箱条码,每箱数量,安全库存,单价(元)',
      'T-1,"砖\n一",,片,,,,,',
      'T-2,砖\u0007二,,片,,,,,',
      'T-3,\u202e砖三,,片,,,,,',
      'T-4,砖四,,片,,,,,',
    ].join('\r\n');
    const fileBase64 = Buffer.from(csv, 'utf8').toString('base64');
    const p = ok(await o.core.call('import.preview', { kind: 'items', fileName: 'i.csv', fileBase64 }, { sessionToken: o.tokens.keeper }));
    expect(p.rows.map((r) => r.problems.map((x) => `${x.field}:${x.code}`))).toEqual([['name:bad_text'], ['name:bad_text'], ['name:bad_text'], []]);
    expect(p.rows[0].problems[0].message_zh).toBe('品名: 不能换行');
    expect(p.rows[2].problems[0].message_en).toBe('Name: contains a text-direction override');
  });
});
