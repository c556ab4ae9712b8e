// attendance.*: the register's settings, signing in and out at the desk, leave and its decision,
// and report B (on screen, as PDF and as XLSX).

import { actor, type Handlers } from '../context';
import { attendancePdf, attendanceXlsx } from './files';
import { monthReport } from './report';
import { officeTimezone, readSettings, setSpecialDay, specialDays } from './repo';
import { clock, decideLeave, listLeaves, requestLeave, setSettings } from './service';

export const attendanceHandlers = {
  'attendance.settings': (_input, ctx) => ({ ...readSettings(ctx.db), specialDays: specialDays(ctx.db) }),
  'attendance.setDay': (input, ctx) => {
    setSpecialDay(ctx.db, input.date, input.workday, input.name || (input.workday ? '补班' : '放假'));
    ctx.auditRef = `${input.date} ${input.workday === null ? '-' : input.workday ? '补班' : '放假'} ${input.name}`;
    return { specialDays: specialDays(ctx.db) };
  },
  'attendance.setSettings': (input, ctx) => {
    ctx.auditRef = `${input.amStart}-${input.amEnd} ${input.pmStart}-${input.pmEnd}`;
    return setSettings(ctx.db, input);
  },
  'attendance.clock': (input, ctx) => {
    const me = actor(ctx);
    const person = ctx.auth.checkPin(ctx.db, input.userName ?? me.id, input.pin);
    const r = clock({ db: ctx.db, now: ctx.now, nowIso: ctx.nowIso, deskUserId: me.id }, { id: person.id, name: person.name }, input.kind);
    ctx.auditRef = `${person.name} ${input.kind} ${r.day} ${r.time}`;
    return r;
  },
  'attendance.requestLeave': (input, ctx) => {
    const r = requestLeave(ctx.db, actor(ctx), input, ctx.nowIso);
    ctx.auditRef = `${r.user.name} ${r.kind} ${r.from}~${r.to}`;
    return r;
  },
  'attendance.decideLeave': (input, ctx) => {
    const me = actor(ctx);
    const u = ctx.auth.checkPin(ctx.db, me.id, input.pin);
    const r = decideLeave(ctx.db, { id: u.id }, input, ctx.nowIso);
    ctx.auditRef = `${r.user.name} ${r.from}~${r.to} ${r.state}${r.hqRef ? ` ${r.hqRef}` : ''}`;
    return r;
  },
  'attendance.leaves': (input, ctx) => ({ rows: listLeaves(ctx.db, actor(ctx), input) }),
  'attendance.month': (input, ctx) => monthReport(ctx.db, actor(ctx), input, ctx.now),
  'attendance.pdf': (input, ctx) => attendancePdf(ctx.db, monthReport(ctx.db, actor(ctx), input, ctx.now), actor(ctx).name),
  'attendance.xlsx': (input, ctx) => attendanceXlsx(monthReport(ctx.db, actor(ctx), input, ctx.now), ctx.now, officeTimezone(ctx.db)),
} satisfies Partial<Handlers>;
