// Leave (请假, the manual's 考勤制度): the person asks for whole days; up to one day the manager
// approves with his PIN; two days or more go to HQ's deputy GM, so the desk records them as approved
// by HQ with HQ's reference; the manager's own leave always needs HQ; decided once; no overlaps; a
// range without a working day is no leave. Who reads whose leave.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../helpers/index';
import { as, at, attendanceOffice, type DemoOffice } from './helpers';

let o: DemoOffice;
beforeEach(async () => {
  o = await attendanceOffice();
  at(o, '2026-12-01', '09:00');
});
afterEach(() => o.close());

const ask = (role: 'keeper' | 'manager' | 'sales', from: string, to: string, kind: 'personal' | 'sick' | 'other' = 'personal') =>
  as(o, role, 'attendance.requestLeave', { kind, from, to, reason: '家中有事' });
const decide = (leaveId: number, more: { decision?: 'approve' | 'reject'; hqRef?: string; pin?: string; certificate?: boolean } = {}) =>
  as(o, 'manager', 'attendance.decideLeave', {
    leaveId,
    decision: more.decision ?? 'approve',
    pin: more.pin ?? o.pins.manager,
    hqRef: more.hqRef,
    certificate: more.certificate,
  });

describe('attendance leave', () => {
  it('one working day: the manager approves it with his PIN', async () => {
    const l = ok(await ask('keeper', '2026-12-03', '2026-12-03'));
    expect(l).toMatchObject({ user: { name: o.names.keeper }, days: 1, state: 'pending', approval: null });
    expect(err(await decide(l.id, { pin: '9999' })).code).toBe('bad_credentials');
    const d = ok(await decide(l.id));
    expect(d).toMatchObject({ state: 'approved', approval: 'manager', hqRef: null, decidedBy: { name: o.names.manager } });
    const again = err(await decide(l.id, { decision: 'reject' }));
    expect([again.code, again.message_zh]).toEqual(['leave_not_pending', '该请假申请已批准, 不能再审批']);
  });

  it('two working days or more: only as approved by HQ, with its reference', async () => {
    // Friday to Monday: two working days over a weekend
    const l = ok(await ask('keeper', '2026-12-04', '2026-12-07'));
    expect(l.days).toBe(2);
    const e = err(await decide(l.id));
    expect(e.code).toBe('leave_needs_hq');
    expect(e.details.field).toBe('hqRef');
    expect(e.message_zh).toContain('两天及以上须由总部分管副总批准');
    expect(err(await decide(l.id, { hqRef: '   ' })).code).toBe('leave_needs_hq');
    expect(ok(await decide(l.id, { hqRef: '营销〔2026〕118号' }))).toMatchObject({ state: 'approved', approval: 'hq', hqRef: '营销〔2026〕118号' });
  });

  it('the manager’s own day of leave needs HQ’s reference too; a rejection needs none', async () => {
    const own = ok(await ask('manager', '2026-12-08', '2026-12-08'));
    expect(err(await decide(own.id)).code).toBe('leave_self_approval');
    expect(ok(await decide(own.id, { hqRef: '副总口头批准 12-07' })).approval).toBe('hq');
    const other = ok(await ask('sales', '2026-12-09', '2026-12-11'));
    expect(ok(await decide(other.id, { decision: 'reject' }))).toMatchObject({ state: 'rejected', approval: null });
    // a rejected request frees its days
    ok(await ask('sales', '2026-12-10', '2026-12-10'));
  });

  it('refuses a range with no working day, and leave overlapping other leave', async () => {
    const long = err(await ask('keeper', '2026-01-01', '2027-12-31'));
    expect([long.code, long.details.field, long.message_zh]).toEqual(['leave_too_long', 'to', '2026-01-01 至 2027-12-31 超过 366 天: 请分次请假']);
    const weekend = err(await ask('keeper', '2026-12-05', '2026-12-06'));
    expect([weekend.code, weekend.details.field]).toEqual(['leave_no_workdays', 'to']);
    ok(await ask('keeper', '2026-12-14', '2026-12-16'));
    const e = err(await ask('keeper', '2026-12-16', '2026-12-17'));
    expect(e.code).toBe('leave_overlaps');
    expect(e.message_zh).toContain('2026-12-14 至 2026-12-16');
    // another person's days are theirs
    ok(await ask('sales', '2026-12-16', '2026-12-17'));
  });

  it('only the manager decides; the manager and finance list everyone’s leave, anyone else their own', async () => {
    const k = ok(await ask('keeper', '2026-12-03', '2026-12-03'));
    ok(await ask('sales', '2026-12-03', '2026-12-03'));
    expect(err(await as(o, 'finance', 'attendance.decideLeave', { leaveId: k.id, decision: 'approve', pin: o.pins.finance })).code).toBe('forbidden');
    expect(ok(await as(o, 'finance', 'attendance.leaves', {})).rows).toHaveLength(2);
    expect(ok(await as(o, 'manager', 'attendance.leaves', { state: 'pending', month: '2026-12' })).rows).toHaveLength(2);
    const mine = ok(await as(o, 'keeper', 'attendance.leaves', {})).rows;
    expect(mine.map((r) => r.user.name)).toEqual([o.names.keeper]);
    const salesId = ok(await as(o, 'sales', 'attendance.leaves', {})).rows[0].user.id;
    expect(err(await as(o, 'keeper', 'attendance.leaves', { userId: salesId })).code).toBe('attendance_out_of_reach');
  });
});
