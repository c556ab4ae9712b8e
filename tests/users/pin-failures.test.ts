// Wrong PINs are the person's, kept in the database (issue 11, defect 6): a second desk or the CLI
// on the same file gets no fresh tries and a restart forgets nothing; the waits grow after a few
// free tries instead of a hard lock a stranger could keep someone under; names that are nobody's
// keep nothing, however many; a disabled user hears the same words as a wrong PIN.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { pinWaitMs } from '../../electron/domains/users/rules';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

let o: DemoOffice;
const others: Core[] = [];
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => {
  for (const c of others.splice(0)) c.close();
  o.close();
});

/** Another desk on the same database file, on the same clock. */
async function secondDesk(): Promise<Core> {
  const c = await createCore({ dbPath: o.dbPath, clock: o.clock.now, pinCost: 1024 });
  others.push(c);
  return c;
}
const login = (core: Core, user: string | number, pin: string) => core.call('auth.login', { user, pin });
const rows = () => o.core.db.prepare('SELECT user_id, failures FROM pin_failures ORDER BY user_id').all();
const codeOf = async (p: ReturnType<typeof login>) => {
  const r = await p;
  return r.ok ? 'ok' : r.error.code;
};

describe('wrong PINs are kept in the database', () => {
  it('a second desk on the same file gets no fresh tries, and a right PIN there clears them for both', async () => {
    const keeper = o.names.keeper;
    for (let i = 0; i < 4; i++) expect(await codeOf(login(o.core, keeper, '0000'))).toBe('bad_credentials');
    const other = await secondDesk();
    expect(err(await login(other, keeper, o.pins.keeper))).toMatchObject({ code: 'user_locked', details: { seconds: 15 } });
    o.clock.advance(15_000);
    ok(await login(other, keeper, o.pins.keeper));
    expect(rows()).toEqual([]);
  });

  it('a restart of the desk forgets nothing', async () => {
    for (let i = 0; i < 4; i++) await login(o.core, o.names.finance, '0000');
    o.clock.advance(15_000);
    await login(o.core, o.names.finance, '0000');
    o.core.close();
    const reopened = await secondDesk();
    expect(err(await login(reopened, o.names.finance, o.pins.finance))).toMatchObject({ code: 'user_locked', details: { seconds: 30 } });
  });

  it('waits grow 15 s, 30 s, 1 min, 2 min, 4 min, then stay at 5 min; the PIN is not even tried meanwhile', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(pinWaitMs)).toEqual([0, 0, 0, 15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) await login(o.core, o.names.sales, '0000');
    for (let i = 0; i < 7; i++) {
      expect(await codeOf(login(o.core, o.names.sales, '0000'))).toBe('bad_credentials');
      const wait = err(await login(o.core, o.names.sales, o.pins.sales)).details.seconds as number;
      seen.push(wait);
      o.clock.advance(wait * 1000);
    }
    expect(seen).toEqual([15, 30, 60, 120, 240, 300, 300]);
    ok(await login(o.core, o.names.sales, o.pins.sales));
  });

  it('a day without a wrong PIN starts the count over', async () => {
    for (let i = 0; i < 3; i++) await login(o.core, o.names.shipper, '0000');
    o.clock.advance(24 * 3600_000 + 1000);
    // three more are free again, where a fourth in a row would have made them wait
    for (let i = 0; i < 3; i++) expect(await codeOf(login(o.core, o.names.shipper, '0000'))).toBe('bad_credentials');
    ok(await login(o.core, o.names.shipper, o.pins.shipper));
  });
});

describe('nothing is kept for names that are nobody’s', () => {
  it('made-up names keep no row and never make anyone wait', async () => {
    // each takes a PIN check's time (a hash of no one's PIN), so a stranger learns nothing from the clock either
    for (let i = 0; i < 300; i++) expect(await codeOf(login(o.core, `路人${i}`, '0000'))).toBe('bad_credentials');
    expect(rows()).toEqual([]);
    expect(await codeOf(login(o.core, '路人1', '0000'))).toBe('bad_credentials');
    ok(await login(o.core, o.names.keeper, o.pins.keeper));
  });
});

describe('a disabled user', () => {
  it('hears the words of a wrong PIN, with the right PIN or a wrong one, and no wait is kept for them', async () => {
    const u = ok(await o.core.call('users.create', { name: '吴停', roles: ['keeper'], pin: '1470' }, { sessionToken: o.tokens.admin }));
    ok(await o.core.call('users.update', { userId: u.id, active: false }, { sessionToken: o.tokens.manager }));
    const wrong = err(await login(o.core, '路人', '0000'));
    for (const pin of ['1470', '0000', '1470', '0000', '1470']) expect(err(await login(o.core, '吴停', pin))).toEqual(wrong);
    expect(rows()).toEqual([]);
  });
});
