// The month pack (月报): what the month lacks, every problem at once; the manager signs with the
// PIN (nobody else, no wrong PIN, nothing written when refused); the signed payload is canonical
// JSON with the chain head, its SHA-256 signed with the office key; the export verifies offline
// and a tampered file does not; once signed, the month is locked.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, packMessage, publicKeysIn, verifyPackText } from '../../electron/domains/monthPack/file';
import { auditHead } from '../../electron/ledger/audit';
import { dayAt, err, financeOffice, must, ok, postedDispatch, refused, returnOf, tableCount, type DemoOffice } from '../helpers/finance';
import { MONTH, closeDay, readyNovember, sign } from './helpers';

let o: DemoOffice;
afterEach(() => o.close());

const packAudit = () => o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'monthPack.sign'").pluck().all();

describe('monthPack.status', () => {
  it('lists every problem of the month at once, blockers first, warnings after', async () => {
    o = await financeOffice();
    await must(o, 'finance', 'cash.topUp', { amountFen: 50_000 });
    const weekly = await must(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'location', prefix: 'A-' } });
    const claim = (n: number) => must(o, 'finance', 'expenses.create', { category: '差旅', amountFen: 1000 + n, summary: `出差 ${n}` });
    const claimed = await claim(1);
    const approved = await claim(2);
    await must(o, 'manager', 'expenses.approve', { expenseId: approved.id, manager: { user: o.names.manager, pin: o.pins.manager } });
    const s = await must(o, 'finance', 'monthPack.status', { month: MONTH });
    expect(s.signed).toBeNull();
    expect(s.canSign).toBe(false);
    expect(s.parts.map((p) => p.key)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(s.problems.map((p) => [p.code, p.blocker, p.refs])).toEqual([
      ['month_not_over', true, ['2026-11-30']],
      ['days_open', true, ['2026-11-29']],
      ['counts_open', true, [weekly.no]],
      ['month_end_count_missing', true, []],
      ['expenses_unapproved', true, [claimed.no]],
      ['expenses_unpaid', false, [approved.no]],
    ]);
    expect(s.problems[2].message_zh).toBe(`未审批的盘点 1 张: ${weekly.no}`);
    expect(s.problems[5].message_en).toBe(`1 approved expense claim(s) not paid: ${approved.no}`);

    // signing is refused naming every blocker, in both languages; nothing written
    await dayAt(o, '2026-12-01');
    const before = tableCount(o, 'audit_log');
    const e = err(await sign(o));
    expect(e.code).toBe('month_pack_blocked');
    expect(e.message_zh).toBe(
      `2026-11 月报还不能签署: 未日结的营业日 1 天: 2026-11-29; 未审批的盘点 1 张: ${weekly.no}; 没有已过账的月末盘点; 未审批的费用报销 1 张: ${claimed.no}`,
    );
    expect(e.message_en).toContain('1 business day(s) not closed: 2026-11-29');
    expect([tableCount(o, 'month_packs'), tableCount(o, 'audit_log')]).toEqual([0, before]);
  });

  it('warns of a refund still owed by the month’s end: a warning, not a blocker', async () => {
    o = await readyNovember();
    await dayAt(o, '2026-11-30');
    const sale = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2, 8800]]);
    const back = await returnOf(o, sale, 'cash', [[0, 1]]);
    await dayAt(o, '2026-12-01');
    const s = await must(o, 'manager', 'monthPack.status', { month: MONTH });
    const warning = s.problems.find((p) => p.code === 'refunds_unpaid');
    expect([warning?.blocker, warning?.refs, warning?.message_zh]).toEqual([false, [back.no], `待付退款 1 笔: ${back.no}`]);
    expect(s.problems.filter((p) => p.blocker).map((p) => p.code)).toEqual(['days_open']); // 30 Nov had postings and is not closed
  });

  it('is for finance, the manager and the statistician; the keeper and sales are refused', async () => {
    o = await financeOffice();
    for (const who of ['finance', 'manager', 'statistician'] as const)
      ok(await o.core.call('monthPack.status', { month: MONTH }, { sessionToken: o.tokens[who] }));
    for (const who of ['keeper', 'sales'] as const) expect((await refused(o, who, 'monthPack.status', { month: MONTH })).code).toBe('forbidden');
  });
});

describe('monthPack.sign', () => {
  it('is the manager’s, with his own PIN: another role or a wrong PIN writes nothing', async () => {
    o = await readyNovember();
    const before = tableCount(o, 'audit_log');
    expect(err(await sign(o, 'finance', o.pins.finance)).code).toBe('forbidden');
    expect(err(await sign(o, 'manager', '9999')).code).toBe('bad_credentials');
    expect([tableCount(o, 'month_packs'), tableCount(o, 'audit_log'), packAudit()]).toEqual([0, before, []]);
  });

  it('signs the canonical payload with the chain head; signed once; the export verifies offline, a tampered one does not', async () => {
    o = await readyNovember();
    const head = auditHead(o.core.db);
    const s = ok(await sign(o));
    expect(s.signed?.signedBy.name).toBe(o.names.manager);
    expect(s.signed?.auditHead).toEqual(head);
    expect(s.signed?.parts.map((p) => [p.key, p.title_zh])).toEqual([
      ['A', '办事处现金日记帐'],
      ['B', '人员考勤表'],
      ['C', '费用统计表'],
      ['D', '客户应收款月报表'],
      ['E', '月末未清借支'],
    ]);
    expect(s.signed?.qrPayload).toMatch(/^BDM1\|2026-11\|[0-9a-f]{64}\|[A-Za-z0-9_-]{86}$/);
    expect(packAudit()).toEqual([`月报 2026-11 sha256:${s.signed?.sha256}`]);

    const file = await must(o, 'statistician', 'monthPack.export', { month: MONTH });
    const payload = JSON.parse(file.payload);
    expect(canonicalJson(payload)).toBe(file.payload); // canonical: the same text written again
    expect(createHash('sha256').update(file.payload).digest('hex')).toBe(file.sha256);
    expect(Object.keys(payload.parts)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(payload.parts.B.month).toBe(MONTH);
    expect([payload.auditHead, payload.signedBy.name, payload.office.name]).toEqual([head, o.names.manager, expect.any(String)]);

    const keys = publicKeysIn((await must(o, 'finance', 'documents.publicKey', {})).publicKeyPem);
    expect(verifyPackText(JSON.stringify(file), keys)).toMatchObject({ ok: true, month: MONTH, sha256: file.sha256 });
    // a changed figure, even with the hash recomputed, fails
    const altered = file.payload.replace('"month":"2026-11"', '"month":"2026-10"');
    expect(verifyPackText(JSON.stringify({ ...file, payload: altered }), keys)).toMatchObject({ ok: false, message_en: expect.stringContaining('altered') });
    const rehashed = { ...file, payload: altered, sha256: createHash('sha256').update(altered).digest('hex') };
    expect(verifyPackText(JSON.stringify(rehashed), keys)).toMatchObject({ ok: false, message_zh: expect.stringContaining('签名无效') });
    expect(packMessage(MONTH, file.sha256)).toBe(`branch-desk:month-pack:v1\n2026-11\n${file.sha256}`);

    const again = err(await sign(o));
    expect([again.code, again.message_zh]).toEqual(['month_pack_signed', `2026-11 月报已由 ${o.names.manager} 于 2026-12-01 09:00 签署, 不能再签`]);
    expect(tableCount(o, 'month_packs')).toBe(1);
    expect(() => o.core.db.prepare("UPDATE month_packs SET sha256 = 'x'").run()).toThrow(/never changed/);
  });

  it('keeps what was signed: a user renamed afterwards stays as signed in the export', async () => {
    o = await readyNovember();
    ok(await sign(o));
    const keeper = (await must(o, 'admin', 'users.list', {})).find((u) => u.name === o.names.keeper)!;
    const row = () => JSON.parse(o.core.db.prepare('SELECT payload_json FROM month_packs').pluck().get() as string).parts.B.rows;
    const names = row().map((r: { user: { name: string } }) => r.user.name);
    expect(names).toContain(o.names.keeper);
    o.core.db.prepare('UPDATE users SET name = ? WHERE id = ?').run('改名后', keeper.id);
    const file = await must(o, 'finance', 'monthPack.export', { month: MONTH });
    expect(JSON.parse(file.payload).parts.B.rows.map((r: { user: { name: string } }) => r.user.name)).toEqual(names);
  });
});

describe('the month lock', () => {
  it('refuses every write dated in a signed month, reversals and day closes included', async () => {
    o = await readyNovember();
    const inbound = (await must(o, 'keeper', 'slips.list', { limit: 10, offset: 0, query: '' })).rows.find((r) => r.kind === 'inbound')!;
    ok(await sign(o));
    // a desk whose clock is set back to 30 Nov: the business day is in the signed month
    await dayAt(o, '2026-11-30');
    const LOCKED = '2026-11 月报已签署，本月已锁定；更正请在下月做红字冲销(不能记入 2026-11-30)';
    const expectLocked = (e: { code: string; message_zh: string; message_en: string }) => {
      expect([e.code, e.message_zh]).toEqual(['month_locked', LOCKED]);
      expect(e.message_en).toContain('The month pack of 2026-11 is signed and the month is locked');
    };
    const before = [tableCount(o, 'stock_moves'), tableCount(o, 'money_journal'), tableCount(o, 'day_closes'), tableCount(o, 'day_reopens')];

    const draft = await must(o, 'keeper', 'slips.create', {
      kind: 'inbound',
      supplierId: o.supplierId,
      deliveryNoteNo: 'HQ-LOCK-1',
      lines: [{ itemId: o.itemId('CZ-8801'), qty: 5, unitCostFen: 5200 }],
    });
    expectLocked(await refused(o, 'keeper', 'slips.post', { slipId: draft.id }));
    expectLocked(await refused(o, 'keeper', 'slips.reverse', { slipId: inbound.id, reason: '录错', manager: { user: o.names.manager, pin: o.pins.manager } }));
    expectLocked(await refused(o, 'finance', 'cash.topUp', { amountFen: 500 }));
    const claim = await must(o, 'finance', 'expenses.create', { category: '差旅', amountFen: 800, summary: '车费' });
    await must(o, 'manager', 'expenses.approve', { expenseId: claim.id, manager: { user: o.names.manager, pin: o.pins.manager } });
    expectLocked(await refused(o, 'finance', 'expenses.pay', { expenseId: claim.id }));
    const reopen = await refused(o, 'manager', 'dayClose.reopen', {
      date: '2026-11-29',
      reason: '漏记',
      manager: { user: o.names.manager, pin: o.pins.manager },
    });
    expect([reopen.code, reopen.message_zh]).toEqual(['month_locked', LOCKED.replace('2026-11-30', '2026-11-29')]);
    expectLocked(err(await closeDay(o, '2026-11-30', 10_000)));
    expect([tableCount(o, 'stock_moves'), tableCount(o, 'money_journal'), tableCount(o, 'day_closes'), tableCount(o, 'day_reopens')]).toEqual(before);

    // the next month takes postings as usual: a correction is a reversal dated in December
    await dayAt(o, '2026-12-01');
    ok(await o.core.call('slips.post', { slipId: draft.id }, { sessionToken: o.tokens.keeper }));
  });
});

describe('monthPack.banner', () => {
  const banner = (who: 'manager' | 'finance' | 'keeper' | 'statistician') => must(o, who, 'monthPack.banner', {});

  it('from the 20th (office time) finance and the manager see what the month lacks; nobody else; not before', async () => {
    o = await financeOffice();
    await dayAt(o, '2026-11-19', 23);
    expect(await banner('manager')).toBeNull();
    await dayAt(o, '2026-11-20', 0); // 00:00 in Shanghai: still the 19th in UTC
    const b = await banner('finance');
    expect(b?.month).toBe(MONTH);
    expect(b?.problems.map((p) => p.code)).toEqual(['month_not_over', 'days_open', 'month_end_count_missing']);
    expect((await banner('manager'))?.month).toBe(MONTH);
    for (const who of ['keeper', 'statistician'] as const) expect(await banner(who)).toBeNull();
  });

  it('shows last month while its pack is unsigned, and goes once it is signed', async () => {
    o = await readyNovember();
    expect(await banner('manager')).toEqual({ month: MONTH, problems: [] });
    ok(await sign(o));
    expect(await banner('manager')).toBeNull();
    expect(await banner('finance')).toBeNull();
  });
});
