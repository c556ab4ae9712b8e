// Signing in and out at the desk (考勤, issue #14): each person with their own PIN at a shared desk,
// one in and one out per office day, the out after the in; the day and the time are the office's
// (Asia/Shanghai), whatever the PC's clock zone; lateness and early leave against the office's hours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../helpers/index';
import { as, at, attendanceOffice, clockAs, type DemoOffice } from './helpers';

let o: DemoOffice;
beforeEach(async () => {
  o = await attendanceOffice();
});
afterEach(() => o.close());

const clockRows = () => as(o, 'manager', 'attendance.month', { month: '2026-12' });

describe('attendance.clock', () => {
  it('signs a person in and out with their own PIN at the desk someone else is logged in at', async () => {
    at(o, '2026-12-01', '08:29');
    const a = ok(await clockAs(o, 'sales', 'in'));
    expect(a).toMatchObject({ user: { name: o.names.sales }, kind: 'in', day: '2026-12-01', time: '08:29', lateMinutes: 0 });
    at(o, '2026-12-01', '17:31');
    expect(ok(await clockAs(o, 'sales', 'out'))).toMatchObject({ kind: 'out', time: '17:31', earlyMinutes: 0 });
    // without a name: the logged-in person
    at(o, '2026-12-01', '08:47');
    expect(ok(await as(o, 'keeper', 'attendance.clock', { pin: o.pins.keeper, kind: 'in' }))).toMatchObject({
      user: { name: o.names.keeper },
      lateMinutes: 17,
    });
    at(o, '2026-12-01', '17:00');
    expect(ok(await as(o, 'keeper', 'attendance.clock', { pin: o.pins.keeper, kind: 'out' }))).toMatchObject({ earlyMinutes: 30 });
  });

  it('refuses a second sign-in or sign-out the same day, and a sign-out before the sign-in, saying when', async () => {
    at(o, '2026-12-01', '08:20');
    ok(await clockAs(o, 'finance', 'in'));
    at(o, '2026-12-01', '08:35');
    const twice = err(await clockAs(o, 'finance', 'in'));
    expect(twice.code).toBe('attendance_double');
    expect(twice.message_zh).toContain('已签到(08:20)');
    expect(twice.message_en).toContain('already signed in on 2026-12-01 (08:20)');
    const noIn = err(await clockAs(o, 'statistician', 'out'));
    expect([noIn.code, noIn.message_zh]).toEqual(['attendance_no_sign_in', `「${o.names.statistician}」2026-12-01 还没有签到, 不能签退`]);
    at(o, '2026-12-01', '17:40');
    ok(await clockAs(o, 'finance', 'out'));
    expect(err(await clockAs(o, 'finance', 'out')).code).toBe('attendance_double');
    const row = ok(await clockRows()).rows.find((r) => r.user.name === o.names.finance)!;
    expect(row.marks[0]).toBe('√');
  });

  it('refuses a wrong PIN and records nothing', async () => {
    at(o, '2026-12-01', '08:20');
    const e = err(await as(o, 'keeper', 'attendance.clock', { userName: o.names.sales, pin: '9999', kind: 'in' }));
    expect(e.code).toBe('bad_credentials');
    at(o, '2026-12-01', '08:21');
    ok(await clockAs(o, 'sales', 'in'));
  });

  it('takes the office’s calendar day: 23:59 and 00:01 in Shanghai are two days, whatever the UTC date', async () => {
    // 2026-12-01 23:59 in Shanghai is 15:59 UTC on the same date; 00:01 is still 2026-12-01 in UTC
    o.clock.set('2026-12-01T15:59:00Z');
    expect(ok(await clockAs(o, 'driver', 'in'))).toMatchObject({ day: '2026-12-01', time: '23:59' });
    o.clock.set('2026-12-01T16:01:00Z');
    const next = ok(await clockAs(o, 'driver', 'in'));
    expect(next).toMatchObject({ day: '2026-12-02', time: '00:01', lateMinutes: 0 });
    // the 01:00 UTC sign-out belongs to the Shanghai day of 09:00, the 2nd
    o.clock.set('2026-12-02T01:00:00Z');
    expect(ok(await clockAs(o, 'driver', 'out'))).toMatchObject({ day: '2026-12-02', time: '09:00', earlyMinutes: 510 });
  });

  it('judges by the office’s hours as the manager sets them, and refuses hours out of order', async () => {
    const bad = err(
      await as(o, 'manager', 'attendance.setSettings', {
        amStart: '09:00',
        amEnd: '12:00',
        pmStart: '11:00',
        pmEnd: '18:00',
        workdays: [1, 2, 3, 4, 5],
        deductionFen: 1000,
      }),
    );
    expect(bad.code).toBe('attendance_hours');
    expect(
      err(
        await as(o, 'keeper', 'attendance.setSettings', { amStart: '09:00', amEnd: '12:00', pmStart: '13:00', pmEnd: '18:00', workdays: [1], deductionFen: 0 }),
      ).code,
    ).toBe('forbidden');
    ok(
      await as(o, 'manager', 'attendance.setSettings', {
        amStart: '09:00',
        amEnd: '12:00',
        pmStart: '13:30',
        pmEnd: '18:00',
        workdays: [6, 1, 2, 3, 4, 5, 1],
        deductionFen: 2000,
      }),
    );
    expect(ok(await as(o, 'sales', 'attendance.settings', {}))).toEqual({
      amStart: '09:00',
      amEnd: '12:00',
      pmStart: '13:30',
      pmEnd: '18:00',
      workdays: [1, 2, 3, 4, 5, 6],
      deductionFen: 2000,
      specialDays: [],
    });
    at(o, '2026-12-05', '08:50'); // a Saturday, now a working day
    expect(ok(await clockAs(o, 'sales', 'in')).lateMinutes).toBe(0);
    at(o, '2026-12-05', '17:45');
    expect(ok(await clockAs(o, 'sales', 'out')).earlyMinutes).toBe(15);
  });
});
