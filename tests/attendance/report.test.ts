// Report B 人员考勤表 (issue #14): a random month of sign-ins, sign-outs, approved leave and absences
// is walked through the desk; the report's marks, counts and deduction are checked against a count
// kept by the test from what it did (not from the report's own rules): late = signed in after 08:30,
// early = signed out before 17:30 or never signed out, absent = a working day up to today with
// neither a sign-in nor approved leave, deduction = (late + early) × 10 元. Each person sees their
// own row only; the PDF and the XLSX carry the same figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { err, ok } from '../helpers/index';
import { pdfText } from '../helpers/printing-scenario';
import { column, readXlsx } from '../export/sheet';
import { as, at, attendanceOffice, clockAs, type DemoOffice } from './helpers';

let o: DemoOffice;
beforeEach(async () => {
  o = await attendanceOffice();
});
afterEach(() => o.close());

const STAFF: Role[] = ['manager', 'finance', 'statistician', 'keeper', 'driver', 'sales'];
type Act = 'ontime' | 'late' | 'early' | 'both' | 'noOut' | 'absent' | 'leave';
const ACTS: Act[] = ['ontime', 'ontime', 'ontime', 'late', 'early', 'both', 'noOut', 'absent', 'leave'];
/** The December days walked (up to the 18th, a Friday, when the report is read at 20:00). */
const DAYS = Array.from({ length: 18 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/** A small seeded generator, so a failing month can be walked again. */
function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

interface Expected {
  present: number;
  late: number;
  early: number;
  personal: number;
  absent: number;
  marks: Map<string, string>;
}

async function walkMonth(seed: number): Promise<Map<Role, Expected>> {
  const pick = rng(seed);
  const exp = new Map<Role, Expected>(STAFF.map((r) => [r, { present: 0, late: 0, early: 0, personal: 0, absent: 0, marks: new Map() }]));
  for (const day of DAYS) {
    if (isWeekend(day)) continue;
    const acts = new Map(STAFF.map((r) => [r, ACTS[pick(ACTS.length)]]));
    for (const r of STAFF) {
      const a = acts.get(r)!;
      const e = exp.get(r)!;
      if (a === 'leave') {
        at(o, day, '08:00');
        const l = ok(await as(o, r, 'attendance.requestLeave', { kind: 'personal', from: day, to: day, reason: '事假' }));
        ok(
          await as(o, 'manager', 'attendance.decideLeave', {
            leaveId: l.id,
            decision: 'approve',
            pin: o.pins.manager,
            hqRef: r === 'manager' ? 'HQ-1' : undefined,
          }),
        );
        e.personal++;
        e.marks.set(day, '事');
      } else if (a === 'absent') {
        e.absent++;
        e.marks.set(day, '旷');
      } else {
        const late = a === 'late' || a === 'both';
        const early = a === 'early' || a === 'both' || a === 'noOut';
        at(o, day, late ? `08:${31 + pick(20)}` : `08:${10 + pick(21)}`);
        ok(await clockAs(o, r, 'in'));
        if (a !== 'noOut') {
          at(o, day, early ? `17:${pick(30)}`.replace(/:(\d)$/, ':0$1') : `17:${30 + pick(30)}`);
          ok(await clockAs(o, r, 'out'));
        }
        e.present++;
        if (late) e.late++;
        if (early) e.early++;
        e.marks.set(day, late && early ? '迟早' : late ? '迟' : early ? '早' : '√');
      }
    }
  }
  // a Saturday's overtime is presence, never lateness
  at(o, '2026-12-12', '10:15');
  ok(await clockAs(o, 'keeper', 'in'));
  exp.get('keeper')!.present++;
  exp.get('keeper')!.marks.set('2026-12-12', '√');
  at(o, '2026-12-18', '20:00');
  return exp;
}

describe('attendance.month (report B)', () => {
  for (const seed of [7, 2026]) {
    it(`agrees with the test’s own count over a random month (seed ${seed})`, async () => {
      const exp = await walkMonth(seed);
      const rep = ok(await as(o, 'finance', 'attendance.month', { month: '2026-12' }));
      expect(rep.days).toHaveLength(31);
      expect(rep.today).toBe('2026-12-18');
      expect(rep.rows.map((r) => r.user.name)).toEqual(STAFF.map((r) => o.names[r]));
      for (const role of STAFF) {
        const e = exp.get(role)!;
        const row = rep.rows.find((r) => r.user.name === o.names[role])!;
        expect({ present: row.present, late: row.late, early: row.early, personal: row.personal, absent: row.absent, sick: row.sick }).toEqual({
          present: e.present,
          late: e.late,
          early: e.early,
          personal: e.personal,
          absent: e.absent,
          sick: 0,
        });
        expect(row.deductionFen).toBe((e.late + e.early) * 1000);
        rep.days.forEach((d, i) => expect([d.date, row.marks[i]]).toEqual([d.date, e.marks.get(d.date) ?? '']));
      }
      const all = [...exp.values()];
      expect(rep.totals.deductionFen).toBe(all.reduce((a, e) => a + (e.late + e.early) * 1000, 0));
      expect(rep.totals.absent).toBe(all.reduce((a, e) => a + e.absent, 0));
    });
  }

  it('marks sick leave 病 only with a certificate, else 事; today is judged once work is over; later days not at all', async () => {
    at(o, '2026-12-01', '08:00');
    const sick = ok(await as(o, 'sales', 'attendance.requestLeave', { kind: 'sick', from: '2026-12-01', to: '2026-12-03', reason: '感冒发烧' }));
    ok(
      await as(o, 'manager', 'attendance.decideLeave', {
        leaveId: sick.id,
        decision: 'approve',
        pin: o.pins.manager,
        hqRef: '总部 2026-118',
        certificate: true,
      }),
    );
    const bare = ok(await as(o, 'keeper', 'attendance.requestLeave', { kind: 'sick', from: '2026-12-01', to: '2026-12-01', reason: '头疼' }));
    ok(await as(o, 'manager', 'attendance.decideLeave', { leaveId: bare.id, decision: 'approve', pin: o.pins.manager, certificate: false }));
    at(o, '2026-12-02', '17:00'); // work not yet over on the 2nd
    const rep = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' }));
    const row = (role: Role) => rep.rows.find((r) => r.user.name === o.names[role])!;
    expect(row('sales').marks.slice(0, 4)).toEqual(['病', '病', '病', '']);
    expect([row('sales').sick, row('sales').absent]).toEqual([3, 0]);
    expect(row('keeper').marks.slice(0, 3)).toEqual(['事', '', '']);
    expect(row('finance').marks.slice(0, 3)).toEqual(['旷', '', '']);
    at(o, '2026-12-02', '17:30');
    const later = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' }));
    expect(later.rows.find((r) => r.user.name === o.names.finance)!.marks.slice(0, 3)).toEqual(['旷', '旷', '']);
  });

  it('keeps a person deactivated mid-month on the month they signed in, judged only up to the day they left', async () => {
    at(o, '2026-12-01', '08:20');
    ok(await clockAs(o, 'sales', 'in'));
    at(o, '2026-12-01', '17:40');
    ok(await clockAs(o, 'sales', 'out'));
    const salesId = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' })).rows.find((r) => r.user.name === o.names.sales)!.user.id;
    at(o, '2026-12-02', '18:00');
    ok(await as(o, 'manager', 'users.update', { userId: salesId, active: false }));
    at(o, '2026-12-09', '20:00');
    const row = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' })).rows.find((r) => r.user.id === salesId)!;
    expect(row.marks.slice(0, 9)).toEqual(['√', '旷', '', '', '', '', '', '', '']);
    expect(row.absent).toBe(1);
    expect(ok(await as(o, 'manager', 'attendance.month', { month: '2027-01' })).rows.map((r) => r.user.id)).not.toContain(salesId);
  });

  it('follows the holidays and swapped workdays the manager sets: no 旷 on a holiday, 旷 on a swapped Saturday, leave counted by them', async () => {
    expect(err(await as(o, 'keeper', 'attendance.setDay', { date: '2026-12-04', workday: false, name: '放假' })).code).toBe('forbidden');
    ok(await as(o, 'manager', 'attendance.setDay', { date: '2026-12-04', workday: false, name: '厂庆' }));
    ok(await as(o, 'manager', 'attendance.setDay', { date: '2026-12-08', workday: false, name: '作废' }));
    const set = ok(await as(o, 'manager', 'attendance.setDay', { date: '2026-12-05', workday: true, name: '' }));
    ok(await as(o, 'manager', 'attendance.setDay', { date: '2026-12-08', workday: null, name: '' }));
    expect(set.specialDays).toEqual([
      { date: '2026-12-04', workday: false, name: '厂庆' },
      { date: '2026-12-05', workday: true, name: '补班' },
      { date: '2026-12-08', workday: false, name: '作废' },
    ]);
    expect(ok(await as(o, 'sales', 'attendance.settings', {})).specialDays.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05']);
    at(o, '2026-12-03', '09:00');
    const l = ok(await as(o, 'sales', 'attendance.requestLeave', { kind: 'personal', from: '2026-12-04', to: '2026-12-07', reason: '回家' }));
    expect(l.days).toBe(2); // the swapped Saturday and Monday; not the holiday nor Sunday
    at(o, '2026-12-08', '20:00');
    const rep = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' }));
    expect(rep.days.slice(3, 5)).toEqual([
      { date: '2026-12-04', weekday: 5, workday: false, special: '厂庆' },
      { date: '2026-12-05', weekday: 6, workday: true, special: '补班' },
    ]);
    const keeper = rep.rows.find((r) => r.user.name === o.names.keeper)!;
    expect(keeper.marks.slice(0, 8)).toEqual(['旷', '旷', '旷', '', '旷', '', '旷', '旷']);
  });

  it('gives anyone but the manager and finance their own row only', async () => {
    at(o, '2026-12-01', '08:40');
    ok(await clockAs(o, 'keeper', 'in'));
    const mine = ok(await as(o, 'keeper', 'attendance.month', { month: '2026-12' }));
    expect(mine.rows.map((r) => r.user.name)).toEqual([o.names.keeper]);
    expect(mine.rows[0].marks[0]).toBe('迟');
    const everyone = ok(await as(o, 'manager', 'attendance.month', { month: '2026-12' }));
    const salesId = everyone.rows.find((r) => r.user.name === o.names.sales)!.user.id;
    const e = err(await as(o, 'keeper', 'attendance.month', { month: '2026-12', userId: salesId }));
    expect([e.code, e.message_zh]).toEqual(['attendance_out_of_reach', `无权查看「${o.names.sales}」的考勤: 只有经理和财务主管可以查看他人的考勤`]);
    expect(ok(await as(o, 'finance', 'attendance.month', { month: '2026-12', userId: salesId })).rows).toHaveLength(1);
    expect(err(await as(o, 'keeper', 'attendance.pdf', { month: '2026-12' })).code).toBe('forbidden');
    expect(err(await as(o, 'sales', 'attendance.xlsx', { month: '2026-12' })).code).toBe('forbidden');
  });

  it('prints the sheet as PDF and writes it as XLSX with the same figures', async () => {
    await walkMonth(11);
    const rep = ok(await as(o, 'finance', 'attendance.month', { month: '2026-12' }));
    const pdf = ok(await as(o, 'finance', 'attendance.pdf', { month: '2026-12' }));
    expect([pdf.fileName, pdf.pages]).toEqual(['人员考勤表_2026-12.pdf', 1]);
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    if (process.env.ATT_PDF) (await import('node:fs')).writeFileSync(process.env.ATT_PDF, Buffer.from(pdf.base64, 'base64'));
    for (const w of ['人员考勤表', '2026 年 12 月', '制表', '财务主管', '经理', o.names.finance, '08:30–12:00']) expect(text).toContain(w);
    expect(text).toContain((rep.totals.deductionFen / 100).toFixed(2));
    const x = ok(await as(o, 'manager', 'attendance.xlsx', { month: '2026-12' }));
    expect(x.fileName).toBe('人员考勤表_2026-12.xlsx');
    const sheet = await readXlsx(x.base64);
    expect(sheet.headers.slice(0, 4)).toEqual(['姓名', '职务', '1', '2']);
    expect(sheet.headers).toContain('5休');
    expect(column(sheet, '姓名')).toEqual([...rep.rows.map((r) => r.user.name), '合计']);
    expect(column(sheet, '迟到')).toEqual([...rep.rows.map((r) => r.late), rep.totals.late]);
    expect(column(sheet, '扣款(元)')).toEqual([...rep.rows.map((r) => r.deductionFen / 100), rep.totals.deductionFen / 100]);
    expect(column(sheet, '1').slice(0, -1)).toEqual(rep.rows.map((r) => r.marks[0] || null));
    expect(sheet.about.get('筛选: 月份')).toBe('2026-12');
  });
});
