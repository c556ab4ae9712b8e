// 反日结 is offered only where the core would reopen: a closed day of a month whose pack is signed
// (月报已签署) carries the month-locked refusal in its preview, and the 日结 screen shows it instead.

import { describe, expect, it } from 'vitest';
import { monthLockOf } from '../../renderer/src/screens/Finance/dayClose';

const LOCKED = { code: 'month_locked', message_zh: '2026-11 月报已签署，本月已锁定', message_en: 'The month pack of 2026-11 is signed' };
const ALREADY = { code: 'day_already_closed', message_zh: '已日结', message_en: 'already closed' };

describe('monthLockOf', () => {
  it('names the month lock of a closed day in a signed month', () => {
    expect(monthLockOf({ closed: true, blockers: [LOCKED, ALREADY] })).toEqual(LOCKED);
  });
  it('is nothing for a closed day of an open month, an open day, or no preview yet', () => {
    expect(monthLockOf({ closed: true, blockers: [ALREADY] })).toBeUndefined();
    expect(monthLockOf({ closed: false, blockers: [LOCKED] })).toBeUndefined();
    expect(monthLockOf(null)).toBeUndefined();
  });
});
