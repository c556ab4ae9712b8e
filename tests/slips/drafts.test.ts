// Slip drafts: numbering (prefix + yyyyMMdd + serial, never skipped), create / update / void,
// signatures (who, as which role, in which order, over which content), slips.get and slips.list.
import { verify as edVerify } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { REVERSE_SIGNOFFS } from '../helpers/index';

async function dispatchDraft(o: DemoOffice, extra: Partial<Input<'slips.create'>> = {}) {
  return ok(
    await o.core.call(
      'slips.create',
      {
        kind: 'dispatch',
        customerId: o.customerId('KH001'),
        paymentMode: 'cash',
        lines: [
          { itemId: o.itemId('CZ-8801'), qty: 2 },
          { itemId: o.itemId('CZ-8802'), qty: 3, priceFen: 8500 },
        ],
        ...extra,
      } as Input<'slips.create'>,
      { sessionToken: o.tokens.sales },
    ),
  );
}

/** Move the clock; sessions idle for more than 12 hours end, so everybody logs in again. */
async function moveClock(o: DemoOffice, iso: string) {
  o.clock.set(iso);
  for (const role of Object.keys(o.tokens) as (keyof DemoOffice['tokens'])[]) {
    const r = role === 'shipperDriver' ? 'driver' : role;
    o.tokens[role] = ok(await o.core.call('auth.login', { user: o.names[r], pin: o.pins[r] })).sessionToken;
  }
}

describe('slip numbering', () => {
  let o: DemoOffice;
  beforeEach(async () => {
    o = await demoOffice();
  });
  afterEach(() => o.close());

  it('prefix + yyyyMMdd + serial per kind, voided drafts keep their number, refused creates take none', async () => {
    const nos: string[] = [];
    for (let i = 0; i < 3; i++) nos.push((await dispatchDraft(o)).no);
    expect(nos).toEqual(['FH202611290001', 'FH202611290002', 'FH202611290003']);
    const second = ok(await o.core.call('slips.get', { no: nos[1] }, { sessionToken: o.tokens.sales }));
    const voided = ok(await o.core.call('slips.void', { slipId: second.id, reason: '客户取消' }, { sessionToken: o.tokens.sales }));
    expect(voided).toMatchObject({ no: 'FH202611290002', state: 'void', reason: '客户取消', voidedAt: '2026-11-29T01:00:00.000Z' });
    // a refused create takes no number
    expect(err(await o.core.call('slips.create', { kind: 'dispatch', lines: [{ itemId: 99999, qty: 1 }] }, { sessionToken: o.tokens.sales })).code).toBe(
      'not_found',
    );
    expect(err(await o.core.call('slips.create', { kind: 'dispatch', customerId: 99999 }, { sessionToken: o.tokens.sales })).code).toBe('not_found');
    expect((await dispatchDraft(o)).no).toBe('FH202611290004');
    // each kind has its own series
    const inb = ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper }));
    expect(inb.no).toBe('JC202611290001');
    const ret = ok(await o.core.call('slips.create', { kind: 'return' }, { sessionToken: o.tokens.sales }));
    expect(ret.no).toBe('TH202611290001');
    // the voided number is still there, under its own number
    expect(ok(await o.core.call('slips.get', { no: 'FH202611290002' }, { sessionToken: o.tokens.keeper })).state).toBe('void');
    const listed = ok(await o.core.call('slips.list', { kind: 'dispatch' }, { sessionToken: o.tokens.keeper })).rows.map((r) => [r.no, r.state]);
    expect(listed).toEqual([
      ['FH202611290004', 'draft'],
      ['FH202611290003', 'draft'],
      ['FH202611290002', 'void'],
      ['FH202611290001', 'draft'],
    ]);
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).problems).toEqual([]);
  });

  it('a new day in Shanghai restarts the serial; a slip posted the next day moves to that business day', async () => {
    const first = await dispatchDraft(o);
    expect([first.no, first.businessDate]).toEqual(['FH202611290001', '2026-11-29']);
    await moveClock(o, '2026-11-29T15:59:59.999Z'); // 23:59:59.999 in Shanghai
    expect((await dispatchDraft(o)).no).toBe('FH202611290002');
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-MID', lines: [{ itemId: o.itemId('CZ-8801'), qty: 5, unitCostFen: 100 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect([inb.no, inb.businessDate]).toEqual(['JC202611290001', '2026-11-29']);
    await moveClock(o, '2026-11-29T16:00:00.000Z'); // 00:00 on the 30th in Shanghai (still the 29th in UTC)
    const next = await dispatchDraft(o);
    expect([next.no, next.businessDate]).toEqual(['FH202611300001', '2026-11-30']);
    expect((await dispatchDraft(o)).no).toBe('FH202611300002');
    const posted = ok(await o.core.call('slips.post', { slipId: inb.id }, { sessionToken: o.tokens.keeper }));
    expect([posted.no, posted.businessDate, posted.postedAt]).toEqual(['JC202611290001', '2026-11-30', '2026-11-29T16:00:00.000Z']);
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: inb.id, reason: '录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    expect(reversal.no).toBe('HC202611300001');
    await moveClock(o, '2026-12-31T16:00:00.000Z'); // new year
    expect((await dispatchDraft(o)).no).toBe('FH202701010001');
    const byDay = ok(await o.core.call('slips.list', { from: '2026-11-30', to: '2026-11-30' }, { sessionToken: o.tokens.keeper })).rows.map((r) => r.no);
    expect(byDay).toEqual(['HC202611300001', 'FH202611300002', 'FH202611300001', 'JC202611290001']);
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).problems).toEqual([]);
  });
});

describe('drafts: create, update, void', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('a dispatch draft: prices default to the item price, amounts and totals, the signatures it needs', async () => {
    const d = await dispatchDraft(o, { memo: '  送货上门  ' });
    const sales = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.sales }));
    expect(d).toMatchObject({
      kind: 'dispatch',
      state: 'draft',
      businessDate: '2026-11-29',
      customerId: o.customerId('KH001'),
      customerName: '城东建材城 李记瓷砖',
      supplierId: null,
      supplierName: null,
      deliveryNoteNo: null,
      paymentMode: 'cash',
      sourceSlipId: null,
      sourceSlipNo: null,
      memo: '送货上门',
      reason: null,
      totalQty: 5,
      totalAmountFen: 2 * 7800 + 3 * 8500,
      createdBy: { id: sales.id, name: '赵丽' },
      createdAt: '2026-11-29T01:00:00.000Z',
      postedBy: null,
      postedAt: null,
      voidedAt: null,
      reversedBy: null,
      version: 1,
      signatures: [],
      requiredSignatures: ['manager', 'finance'],
      missingSignatures: ['manager', 'finance'],
    });
    expect(d.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      d.lines.map((l) => [l.lineNo, l.itemCode, l.itemName, l.unit, l.qty, l.priceFen, l.unitCostFen, l.amountFen, l.shippedQty, l.costFen, l.returnableQty]),
    ).toEqual([
      [1, 'CZ-8801', '抛光砖 雅典米白', '片', 2, 7800, null, 15600, null, null, null],
      [2, 'CZ-8802', '抛光砖 卡拉拉白', '片', 3, 8500, null, 25500, null, null, null],
    ]);
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.keeper }))).toEqual(d);
    expect(ok(await o.core.call('slips.get', { no: d.no }, { sessionToken: o.tokens.statistician }))).toEqual(d);
    // the shipper carries it only once the manager has signed it (保密制度: tests/reads/read-scope.test.ts)
    expect(err(await o.core.call('slips.get', { no: d.no }, { sessionToken: o.tokens.shipper })).code).toBe('out_of_reach');
  });

  it('an inbound draft: amount = qty × unit cost; it takes no signatures; header and lines may be incomplete', async () => {
    const inb = ok(
      await o.core.call(
        'slips.create',
        {
          kind: 'inbound',
          supplierId: o.supplierId,
          deliveryNoteNo: 'HQ-2026-1',
          lines: [
            { itemId: o.itemId('WY-1001'), qty: 3, unitCostFen: 86500 },
            { itemId: o.itemId('WY-1002'), qty: 1 },
          ],
        },
        { sessionToken: o.tokens.statistician },
      ),
    );
    expect(inb).toMatchObject({
      kind: 'inbound',
      supplierName: '营销中心总部仓',
      deliveryNoteNo: 'HQ-2026-1',
      requiredSignatures: [],
      missingSignatures: [],
      totalQty: 4,
      totalAmountFen: 259500,
    });
    expect(inb.lines.map((l) => [l.unitCostFen, l.priceFen, l.amountFen])).toEqual([
      [86500, null, 259500],
      [null, null, 0],
    ]);
    const empty = ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper }));
    expect(empty).toMatchObject({ lines: [], totalQty: 0, totalAmountFen: 0, supplierId: null, memo: '' });
  });

  it('refuses fields that do not belong to the kind, with messages in both languages', async () => {
    const cases: [Input<'slips.create'>, string, string][] = [
      [{ kind: 'inbound', customerId: o.customerId('KH001') }, '进仓单没有「客户」', 'a inbound slip has no field customerId'],
      [{ kind: 'inbound', paymentMode: 'cash' }, '进仓单没有「结算方式」', 'no field paymentMode'],
      [{ kind: 'dispatch', supplierId: o.supplierId }, '发货单没有「供应商」', 'no field supplierId'],
      [{ kind: 'dispatch', deliveryNoteNo: 'HQ-1' }, '发货单没有「随货同行联号」', 'no field deliveryNoteNo'],
      [{ kind: 'dispatch', sourceSlipId: 1 }, '发货单没有「原发货单」', 'no field sourceSlipId'],
      [{ kind: 'return', supplierId: o.supplierId }, '退货单没有「供应商」', 'no field supplierId'],
      [{ kind: 'inbound', lines: [{ itemId: o.itemId('CZ-8801'), qty: 1, priceFen: 100 }] }, '进仓单填写单位成本, 不填售价', 'takes a unit cost, not a price'],
      [{ kind: 'dispatch', lines: [{ itemId: o.itemId('CZ-8801'), qty: 1, unitCostFen: 100 }] }, '成本由先进先出自动计算', 'cost comes from FIFO'],
      [
        { kind: 'dispatch', lines: [{ itemId: o.itemId('CZ-8801'), qty: 1, sourceLineId: 1 }] },
        '只有退货单的行可以指向原发货行',
        'only return lines point at a dispatch line',
      ],
    ];
    const token = o.tokens.statistician; // may open every kind
    for (const [input, zh, en] of cases) {
      const e = err(await o.core.call('slips.create', input, { sessionToken: token }));
      expect(e.code).toBe('invalid_input');
      expect(e.message_zh).toContain(zh);
      expect(e.message_en).toContain(en);
    }
  });

  it('refuses bad input, unknown references, too large amounts and the wrong roles per kind', async () => {
    const t = { sessionToken: o.tokens.statistician };
    const item = o.itemId('CZ-8801');
    for (const bad of [
      { kind: 'reversal' },
      { kind: 'sale' },
      { kind: 'dispatch', lines: [{ itemId: item, qty: 0 }] },
      { kind: 'dispatch', lines: [{ itemId: item, qty: -1 }] },
      { kind: 'dispatch', lines: [{ itemId: item, qty: 1.5 }] },
      { kind: 'dispatch', lines: [{ itemId: item, qty: 1, priceFen: -1 }] },
      { kind: 'dispatch', paymentMode: 'iou' },
      { kind: 'dispatch', memo: 'x'.repeat(201) },
      { kind: 'dispatch', lines: Array.from({ length: 501 }, () => ({ itemId: item, qty: 1 })) },
    ])
      expect(err(await o.core.callUnknown('slips.create', bad, t)).code).toBe('invalid_input');
    const nf = err(await o.core.call('slips.create', { kind: 'inbound', supplierId: 9999 }, t));
    expect([nf.code, nf.message_zh, nf.message_en]).toEqual(['not_found', '找不到供应商: 9999', 'No such supplier: 9999']);
    expect(err(await o.core.call('slips.create', { kind: 'dispatch', lines: [{ itemId: 9999, qty: 1 }] }, t)).message_zh).toBe('找不到商品: 9999');
    const big = err(await o.core.call('slips.create', { kind: 'inbound', lines: [{ itemId: item, qty: 1_000_000_000, unitCostFen: 100_000 }] }, t));
    expect([big.code, big.message_zh, big.message_en]).toEqual(['amount_too_large', '金额超出范围', 'Amount out of range']);
    // who may open which kind (SLIP_CREATE_ROLES)
    const f1 = err(await o.core.call('slips.create', { kind: 'dispatch' }, { sessionToken: o.tokens.keeper }));
    expect(f1.code).toBe('forbidden');
    expect(f1.message_zh).toContain('业务员、统计员、办事处经理');
    expect(err(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.manager })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.create', { kind: 'dispatch' }, { sessionToken: o.tokens.finance })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.create', { kind: 'return' }, { sessionToken: o.tokens.shipper })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.create', { kind: 'inbound' })).code).toBe('not_logged_in');
    ok(await o.core.call('slips.create', { kind: 'return' }, { sessionToken: o.tokens.keeper }));
  });

  it('update: fields left out stay, lines given replace all lines, version conflicts are refused', async () => {
    const d = await dispatchDraft(o);
    const oldLineIds = d.lines.map((l) => l.id);
    const u1 = ok(await o.core.call('slips.update', { slipId: d.id, version: 1, memo: '改为自提' }, { sessionToken: o.tokens.sales }));
    expect(u1).toMatchObject({ version: 2, memo: '改为自提', paymentMode: 'cash', customerId: d.customerId });
    expect(u1.lines).toEqual(d.lines);
    const stale = err(await o.core.call('slips.update', { slipId: d.id, version: 1, memo: '旧版本的改动' }, { sessionToken: o.tokens.sales }));
    expect(stale.code).toBe('version_conflict');
    expect(stale.message_zh).toBe(`单据 ${d.no} 已被他人修改, 请刷新后重试`);
    expect(stale.message_en).toBe(`Slip ${d.no} was changed by someone else: reload and try again`);
    const u2 = ok(
      await o.core.call(
        'slips.update',
        { slipId: d.id, version: 2, customerId: o.customerId('KH003'), paymentMode: 'wechat', lines: [{ itemId: o.itemId('WY-2001'), qty: 4, memo: '加急' }] },
        { sessionToken: o.tokens.manager },
      ),
    );
    expect(u2).toMatchObject({ version: 3, customerName: '新城专卖店', paymentMode: 'wechat', memo: '改为自提', totalQty: 4, totalAmountFen: 4 * 28900 });
    expect(u2.lines.map((l) => [l.lineNo, l.itemCode, l.qty, l.priceFen, l.memo])).toEqual([[1, 'WY-2001', 4, 28900, '加急']]);
    expect(u2.lines.map((l) => l.id).filter((id) => oldLineIds.includes(id)).length).toBeLessThanOrEqual(1); // ids may be reused, the rows are new
    expect(o.core.db.prepare('SELECT COUNT(*) FROM slip_lines WHERE slip_id = ?').pluck().get(d.id)).toBe(1);
    // without a version the edit simply applies; null clears a header field, [] clears the lines
    const u3 = ok(await o.core.call('slips.update', { slipId: d.id, paymentMode: null, memo: null, lines: [] }, { sessionToken: o.tokens.sales }));
    expect(u3).toMatchObject({ version: 4, paymentMode: null, memo: '', lines: [], totalQty: 0 });
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.sales }))).toEqual(u3);
  });

  it('update refuses foreign fields, unknown slips and references, and the wrong roles, changing nothing', async () => {
    const d = await dispatchDraft(o);
    const inb = ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper }));
    const e1 = err(await o.core.call('slips.update', { slipId: inb.id, customerId: o.customerId('KH001') }, { sessionToken: o.tokens.keeper }));
    expect([e1.code, e1.message_zh]).toEqual(['invalid_input', '输入有误: 进仓单没有「客户」']);
    expect(err(await o.core.call('slips.update', { slipId: d.id, deliveryNoteNo: 'X' }, { sessionToken: o.tokens.sales })).code).toBe('invalid_input');
    expect(
      err(
        await o.core.call('slips.update', { slipId: d.id, lines: [{ itemId: o.itemId('CZ-8801'), qty: 1, unitCostFen: 5 }] }, { sessionToken: o.tokens.sales }),
      ).code,
    ).toBe('invalid_input');
    expect(err(await o.core.call('slips.update', { slipId: d.id, customerId: 9999 }, { sessionToken: o.tokens.sales })).code).toBe('not_found');
    expect(err(await o.core.call('slips.update', { slipId: d.id, lines: [{ itemId: 9999, qty: 1 }] }, { sessionToken: o.tokens.sales })).code).toBe(
      'not_found',
    );
    const nf = err(await o.core.call('slips.update', { slipId: 9999, memo: 'x' }, { sessionToken: o.tokens.sales }));
    expect([nf.code, nf.message_zh, nf.message_en]).toEqual(['not_found', '找不到单据: 9999', 'No such slip: 9999']);
    // the keeper may not edit a dispatch, the salesperson may not edit an inbound slip
    expect(err(await o.core.call('slips.update', { slipId: d.id, memo: 'x' }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.update', { slipId: inb.id, memo: 'x' }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.update', { slipId: d.id, memo: 'x' }, { sessionToken: o.tokens.finance })).code).toBe('forbidden');
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.sales }))).toEqual(d);
  });

  it('void: only a draft, with a reason, by a role that may open the kind; a voided slip is frozen', async () => {
    const d = await dispatchDraft(o);
    expect(err(await o.core.call('slips.void', { slipId: d.id, reason: '' }, { sessionToken: o.tokens.sales })).code).toBe('invalid_input');
    expect(err(await o.core.call('slips.void', { slipId: d.id, reason: '取消' }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect(err(await o.core.call('slips.void', { slipId: 9999, reason: '取消' }, { sessionToken: o.tokens.sales })).code).toBe('not_found');
    const v = ok(await o.core.call('slips.void', { slipId: d.id, reason: '客户取消订单' }, { sessionToken: o.tokens.manager }));
    expect(v).toMatchObject({ no: d.no, state: 'void', reason: '客户取消订单', version: 2 });
    for (const [m, input] of [
      ['slips.void', { slipId: d.id, reason: '再作废' }],
      ['slips.update', { slipId: d.id, memo: 'x' }],
      ['slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }],
    ] as const) {
      const e = err(await o.core.callUnknown(m, input, { sessionToken: o.tokens.sales }));
      expect(e.code).toBe('slip_not_draft');
      expect(e.message_zh).toBe(`单据 ${d.no} 不是草稿(当前: 已作废), 不能修改`);
      expect(e.message_en).toBe(`Slip ${d.no} is not a draft (it is void) and cannot be changed`);
    }
    expect(err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper })).code).toBe('slip_not_draft');
    expect(err(await o.core.call('slips.reverse', { slipId: d.id, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper })).code).toBe(
      'slip_not_posted',
    );
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.sales }))).toEqual(v);
  });
});

describe('signatures', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());
  const sign = (slipId: number, role: 'manager' | 'finance' | 'keeper', user: string | number, pin: string) =>
    o.core.call('slips.sign', { slipId, role, user, pin }, { sessionToken: o.tokens.sales });

  it('manager then finance; each signature records signer, role, time and content hash under the office key', async () => {
    const d = await dispatchDraft(o);
    o.clock.advance(60_000);
    const s1 = ok(await sign(d.id, 'manager', '张伟', '1111'));
    const manager = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.manager }));
    expect(s1.signatures).toEqual([
      {
        role: 'manager',
        userId: manager.id,
        userName: '张伟',
        signedAt: '2026-11-29T01:01:00.000Z',
        // the content as signed: the draft's, with its paper frozen at this first signature
        contentHash: s1.contentHash,
        signature: expect.any(String),
        valid: true,
      },
    ]);
    expect(s1.missingSignatures).toEqual(['finance']);
    expect(s1.state).toBe('draft');
    const s2 = ok(await sign(d.id, 'finance', '刘洋', '2222'));
    expect(s2.signatures.map((s) => [s.role, s.userName, s.valid])).toEqual([
      ['manager', '张伟', true],
      ['finance', '刘洋', true],
    ]);
    expect(s2.missingSignatures).toEqual([]);
    expect(s2.version).toBe(d.version); // signing does not change the content
    // the signature is the office's Ed25519 signature over the slip number, content hash, role, signer and time
    const pem = ok(await o.core.call('office.get', {})).office!.publicKeyPem;
    for (const s of s2.signatures) {
      const payload = `branch-desk:slip-signature:v1\n${d.no}\n${s.contentHash}\n${s.role}\n${s.userName}\n${s.signedAt}`;
      expect(edVerify(null, Buffer.from(payload), pem, Buffer.from(s.signature, 'base64'))).toBe(true);
      expect(edVerify(null, Buffer.from(payload.replace('张伟', '李四').replace('刘洋', '李四')), pem, Buffer.from(s.signature, 'base64'))).toBe(false);
    }
    // the audit row is by the logged-in user and names the signer; the PIN is not in it
    const row = o.core.db.prepare("SELECT * FROM audit_log WHERE method = 'slips.sign' ORDER BY seq DESC LIMIT 1").get() as any;
    expect(row.ref).toBe(`${d.no} finance 刘洋`);
    expect(JSON.parse(row.input_json)).toMatchObject({ role: 'finance', user: '刘洋', pin: '***' });
    expect(row.user_id).toBe(ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.sales })).id);
  });

  it('refuses a wrong PIN, a signer without the role, a role the kind does not take, the wrong order, a second signature', async () => {
    const d = await dispatchDraft(o);
    const wrong = err(await sign(d.id, 'manager', '张伟', '9999'));
    expect(wrong.code).toBe('bad_credentials');
    const notHeld = err(await sign(d.id, 'manager', '刘洋', '2222'));
    expect(notHeld.code).toBe('role_not_held');
    expect(notHeld.message_zh).toBe('「刘洋」不担任办事处经理, 不能以此身份签字');
    expect(notHeld.message_en).toBe('"刘洋" does not hold the role manager and cannot sign as it');
    const cannot = err(await sign(d.id, 'keeper', '王强', '4444'));
    expect(cannot.code).toBe('role_cannot_sign');
    expect(cannot.message_zh).toBe('发货单不需要库管员签字');
    expect(cannot.message_en).toBe('A dispatch slip takes no signature from the keeper');
    const order = err(await sign(d.id, 'finance', '刘洋', '2222'));
    expect(order.code).toBe('signature_order');
    expect(order.message_zh).toBe('须先由办事处经理签字');
    expect(order.message_en).toBe('The office manager must sign first');
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.sales })).signatures).toEqual([]);
    ok(await sign(d.id, 'manager', '张伟', '1111'));
    const again = err(await sign(d.id, 'manager', '张伟', '1111'));
    expect(again.code).toBe('already_signed');
    expect(again.message_zh).toBe('办事处经理已经签过字');
    expect(again.message_en).toBe('Already signed as manager');
    // an inbound slip takes no signatures at all; a return only the manager's
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-S', lines: [{ itemId: o.itemId('CZ-8801'), qty: 1, unitCostFen: 1 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(err(await sign(inb.id, 'manager', '张伟', '1111')).message_zh).toBe('进仓单不需要办事处经理签字');
    const ret = ok(await o.core.call('slips.create', { kind: 'return' }, { sessionToken: o.tokens.sales }));
    expect(err(await sign(ret.id, 'finance', '刘洋', '2222')).code).toBe('role_cannot_sign');
    expect(err(await sign(9999, 'manager', '张伟', '1111')).code).toBe('not_found');
    expect(err(await o.core.callUnknown('slips.sign', { slipId: d.id, role: 'boss', user: '张伟', pin: '1111' }, { sessionToken: o.tokens.sales })).code).toBe(
      'invalid_input',
    );
    expect(err(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: '刘洋', pin: '2222' })).code).toBe('not_logged_in');
  });

  it('a slip must be complete before it is signed', async () => {
    const noPay = await dispatchDraft(o, { paymentMode: null });
    const e = err(await sign(noPay.id, 'manager', '张伟', '1111'));
    expect([e.code, e.message_zh, e.message_en]).toEqual(['slip_field_required', '请填写结算方式', 'payment mode is required']);
    const noCustomer = await dispatchDraft(o, { customerId: null });
    expect(err(await sign(noCustomer.id, 'manager', '张伟', '1111')).message_zh).toBe('请填写客户');
    const empty = await dispatchDraft(o, { lines: [] });
    const e2 = err(await sign(empty.id, 'manager', '张伟', '1111'));
    expect([e2.code, e2.message_zh]).toEqual(['slip_empty', `单据 ${empty.no} 没有明细行, 不能过账`]);
  });

  it('editing a signed draft drops its signatures; an edit that changes nothing keeps them', async () => {
    const d = await dispatchDraft(o);
    ok(await sign(d.id, 'manager', '张伟', '1111'));
    const both = ok(await sign(d.id, 'finance', '刘洋', '2222'));
    // the same content again: still signed
    const same = ok(await o.core.call('slips.update', { slipId: d.id, memo: d.memo, paymentMode: 'cash' }, { sessionToken: o.tokens.sales }));
    expect(same.signatures).toEqual(both.signatures);
    expect(same.missingSignatures).toEqual([]);
    // a real change: the signatures are dropped (kept in the table, marked dropped)
    o.clock.advance(5_000);
    const edited = ok(await o.core.call('slips.update', { slipId: d.id, lines: [{ itemId: o.itemId('CZ-8801'), qty: 20 }] }, { sessionToken: o.tokens.sales }));
    expect(edited.contentHash).not.toBe(both.contentHash);
    expect(edited.signatures).toEqual([]);
    expect(edited.missingSignatures).toEqual(['manager', 'finance']);
    const at = new Date(o.clock.t).toISOString();
    const rows = o.core.db.prepare('SELECT role, dropped_at FROM signatures WHERE slip_id = ? ORDER BY id').all(d.id);
    expect(rows).toEqual([
      { role: 'manager', dropped_at: at },
      { role: 'finance', dropped_at: at },
    ]);
    expect(ok(await o.core.call('slips.list', { query: d.no }, { sessionToken: o.tokens.sales })).rows[0].missingSignatures).toEqual(['manager', 'finance']);
    // and the manager signs the new content
    const resigned = ok(await sign(d.id, 'manager', '张伟', '1111'));
    expect(resigned.signatures.map((s) => [s.role, s.contentHash])).toEqual([['manager', resigned.contentHash]]);
    expect(resigned.lines.map((l) => l.qty)).toEqual(edited.lines.map((l) => l.qty));
    // a header change drops them too
    const header = ok(await o.core.call('slips.update', { slipId: d.id, paymentMode: 'credit' }, { sessionToken: o.tokens.sales }));
    expect(header.missingSignatures).toEqual(['manager', 'finance']);
  });
});

describe('slips.get and slips.list', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('get by id or number; unknown ones are not found; bad input is refused', async () => {
    const d = await dispatchDraft(o);
    expect(ok(await o.core.call('slips.get', { no: d.no }, { sessionToken: o.tokens.keeper })).id).toBe(d.id);
    const nf = err(await o.core.call('slips.get', { no: 'FH209901010001' }, { sessionToken: o.tokens.sales }));
    expect([nf.code, nf.message_zh, nf.message_en]).toEqual(['not_found', '找不到单据: FH209901010001', 'No such slip: FH209901010001']);
    expect(err(await o.core.call('slips.get', { slipId: 9999 }, { sessionToken: o.tokens.sales })).code).toBe('not_found');
    for (const bad of [{}, { slipId: 0 }, { no: '' }, { slipId: 'x' }])
      expect(err(await o.core.callUnknown('slips.get', bad, { sessionToken: o.tokens.sales })).code).toBe('invalid_input');
    expect(err(await o.core.call('slips.get', { slipId: d.id })).code).toBe('not_logged_in');
  });

  it('list filters by kind, state, dates, customer and query (number, delivery note, customer name, pinyin), newest first', async () => {
    const a = await dispatchDraft(o);
    const b = await dispatchDraft(o, { customerId: o.customerId('KH002') });
    const inb = ok(
      await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-LIST-9' }, { sessionToken: o.tokens.keeper }),
    );
    ok(await o.core.call('slips.void', { slipId: a.id, reason: '重开' }, { sessionToken: o.tokens.sales }));
    const nos = async (f: Input<'slips.list'>) => ok(await o.core.call('slips.list', f, { sessionToken: o.tokens.keeper })).rows.map((r) => r.no);
    const all = ok(await o.core.call('slips.list', {}, { sessionToken: o.tokens.keeper }));
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((x, y) => y - x));
    expect(await nos({ kind: 'inbound' })).toEqual([inb.no]);
    expect(await nos({ state: 'void' })).toEqual([a.no]);
    expect(await nos({ customerId: o.customerId('KH002') })).toEqual([b.no]);
    expect(await nos({ query: 'HQ-LIST' })).toEqual([inb.no]);
    expect(await nos({ query: b.no })).toEqual([b.no]);
    expect(await nos({ query: 'hmzs' })).toEqual([b.no]); // 华美装饰 by pinyin
    expect(await nos({ query: '华美' })).toEqual([b.no]);
    expect(await nos({ from: '2026-11-30' })).toEqual([]);
    expect((await nos({ to: '2026-11-29' })).length).toBe(all.total);
    const summary = ok(await o.core.call('slips.list', { query: b.no }, { sessionToken: o.tokens.keeper })).rows[0];
    expect(summary).toEqual({
      id: b.id,
      no: b.no,
      kind: 'dispatch',
      state: 'draft',
      businessDate: '2026-11-29',
      customerName: '华美装饰工程有限公司',
      supplierName: null,
      deliveryNoteNo: null,
      paymentMode: 'cash',
      sourceSlipNo: null,
      preGoLive: false,
      totalQty: 5,
      totalAmountFen: b.totalAmountFen,
      createdAt: b.createdAt,
      postedAt: null,
      reversedBy: null,
      missingSignatures: ['manager', 'finance'],
      carrier: null,
      lineCount: 2,
    });
    const p1 = ok(await o.core.call('slips.list', { limit: 2 }, { sessionToken: o.tokens.keeper }));
    const p2 = ok(await o.core.call('slips.list', { limit: 2, offset: 2 }, { sessionToken: o.tokens.keeper }));
    expect([...p1.rows, ...p2.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 4).map((r) => r.id));
    for (const bad of [{ from: '2026/11/29' }, { kind: 'sale' }, { state: 'open' }, { limit: 0 }, { customerId: -1 }])
      expect(err(await o.core.callUnknown('slips.list', bad, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    expect(err(await o.core.call('slips.list', {})).code).toBe('not_logged_in');
  });
});
