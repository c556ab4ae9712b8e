// The attendance tests' office: the demo office, a clock set to the office's local time (Shanghai,
// UTC+8) and fresh log-ins (the sessions idle out after 12 hours while a test walks a month).

import type { Input, MethodName, Output, Result } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

export type { DemoOffice };
export const attendanceOffice = (): Promise<DemoOffice> => demoOffice();

/** Set the desk's clock to a local time in the office (Asia/Shanghai, UTC+8): at(o, '2026-12-01', '08:29'). */
export function at(o: DemoOffice, day: string, time: string): void {
  o.clock.set(`${day}T${time}:00+08:00`);
}

export async function token(o: DemoOffice, role: Role): Promise<string> {
  return ok(await o.core.call('auth.login', { user: o.names[role], pin: o.pins[role] })).sessionToken;
}

/** A call as the role's person, logged in just now. */
export async function as<M extends MethodName>(o: DemoOffice, role: Role, method: M, input: Input<M>): Promise<Result<Output<M>>> {
  return o.core.call(method, input, { sessionToken: await token(o, role) });
}

/** The role's person signs in or out at the desk (the keeper logged in there) with their own PIN. */
export async function clockAs(o: DemoOffice, role: Role, kind: 'in' | 'out', desk: Role = 'keeper') {
  return as(o, desk, 'attendance.clock', { userName: o.names[role], pin: o.pins[role], kind });
}
