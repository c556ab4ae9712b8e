// A refused input, through the door the renderer uses in browser mode (POST /rpc) and the shared
// envelope: the answer names the field as the screen does, in Chinese and English, says what is
// wrong in words, and carries none of the schema library's own English.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { callEnvelope, parseEnvelopeText } from '../../electron/rpc/envelope';
import { demoOffice, type DemoOffice } from '../helpers';
import { postRpc } from '../helpers/web';

const RAW_ZOD = /expected|received|Too small|Too big|Invalid option|to have|>=|<=/;

describe('field errors through the rpc envelope', () => {
  let o: DemoOffice;
  let web: WebServer;

  beforeAll(async () => {
    o = await demoOffice();
    web = await startWebServer({ core: o.core, staticDir: o.dir, port: 0 });
  });
  afterAll(async () => {
    await web?.close();
    o?.close();
  });

  const rpc = async (method: string, input: unknown, sessionToken: string | null = null) => {
    const r = await postRpc(web, { method, input, sessionToken, requestId: null });
    return r.json() as { ok: boolean; error: { code: string; message_zh: string; message_en: string; details: Record<string, any> } };
  };

  const CASES: { method: string; input: unknown; token: 'statistician' | 'keeper' | null; zh: string; en: string; field: string }[] = [
    {
      method: 'office.init',
      input: { name: '', admin: { name: 'A', pin: '1234' } },
      token: null,
      zh: '办事处名称: 必填',
      en: 'office name: required',
      field: 'name',
    },
    {
      method: 'slips.create',
      input: { kind: 'inbound', deliveryNoteNo: 'x'.repeat(51), lines: [] },
      token: 'statistician',
      zh: '随货同行联号: 过长(最多 50 字)',
      en: 'delivery note no.: too long (at most 50 characters)',
      field: 'deliveryNoteNo',
    },
    {
      method: 'slips.create',
      input: {
        kind: 'dispatch',
        lines: [
          { itemId: 1, qty: 1 },
          { itemId: 1, qty: 1 },
          { itemId: 1, qty: 1 },
          { itemId: 1, qty: 3.5 },
        ],
      },
      token: 'statistician',
      zh: '第4行 数量: 不是整数',
      en: 'line 4 quantity: not a whole number',
      field: 'lines.3.qty',
    },
    {
      method: 'slips.create',
      input: { kind: 'dispatch', lines: [{ itemId: 1, qty: 0 }] },
      token: 'statistician',
      zh: '第1行 数量: 超出范围(须大于 0)',
      en: 'line 1 quantity: out of range (must be more than 0)',
      field: 'lines.0.qty',
    },
    { method: 'items.create', input: { code: 'B1', name: 'x', unit: '' }, token: 'keeper', zh: '单位: 必填', en: 'unit: required', field: 'unit' },
    {
      method: 'items.findByBarcode',
      input: { code: 'ab' },
      token: 'keeper',
      zh: '条码: 格式不对(4–32 位字母或数字)',
      en: 'barcode: not a barcode',
      field: 'code',
    },
    {
      method: 'stock.card',
      input: { itemId: 1, from: '2026-1-1' },
      token: 'keeper',
      zh: '起始日期: 格式不对(应为 年-月-日',
      en: 'from: not a date',
      field: 'from',
    },
    {
      method: 'stock.card',
      input: { itemId: 1, from: '2026-02-30' },
      token: 'keeper',
      zh: '起始日期: 日历上没有这一天(如 2026-02-30)',
      en: 'from: no such day on the calendar',
      field: 'from',
    },
    {
      method: 'slips.create',
      input: { kind: 'zzz', lines: [] },
      token: 'statistician',
      zh: '单据类型: 不是可选的值',
      en: 'slip kind: not one of the choices',
      field: 'kind',
    },
    { method: 'slips.sign', input: { slipId: 1, role: 'manager' }, token: 'keeper', zh: '签字人: 必填', en: 'signer: required', field: 'user' },
  ];

  it.each(CASES)('$method: $zh', async (c) => {
    const r = await rpc(c.method, c.input, c.token ? o.tokens[c.token] : null);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message_zh).toContain(c.zh);
    expect(r.error.message_en).toContain(c.en);
    expect(r.error.message_zh).not.toMatch(RAW_ZOD);
    expect(r.error.message_en).not.toMatch(RAW_ZOD);
    expect(JSON.stringify(r.error.details)).not.toMatch(RAW_ZOD);
    expect(r.error.details.field).toBe(c.field);
    expect(r.error.message_zh).toContain(r.error.details.field_zh);
    expect(r.error.message_en).toContain(r.error.details.field_en);
  });

  it('says every issue of one input (up to five), then how many there are', async () => {
    const lines = Array.from({ length: 8 }, () => ({ itemId: 1, qty: -1 }));
    const r = await rpc('slips.create', { kind: 'dispatch', lines }, o.tokens.statistician);
    expect(r.error.message_zh).toContain('第1行 数量');
    expect(r.error.message_zh).toContain('第5行 数量');
    expect(r.error.message_zh).not.toContain('第6行');
    expect(r.error.message_zh).toContain('等 8 处');
    expect(r.error.message_en).toContain('and 3 more');
    expect(r.error.details.issues).toHaveLength(8);
  });

  it('gives the same words through every door’s envelope', async () => {
    const p = parseEnvelopeText(JSON.stringify({ method: 'office.init', input: { name: 'X', admin: { name: 'A', pin: '12' } } }));
    if (!p.ok) throw new Error('refused');
    const r = await callEnvelope(o.core, p.envelope);
    expect(r.ok ? null : r.error.message_zh).toBe('输入有误: 管理员 PIN: 过短(至少 4 字)');
    expect(r.ok ? null : r.error.message_en).toBe('Invalid input: administrator’s PIN: too short (at least 4 characters)');
  });
});
