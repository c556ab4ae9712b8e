// scans.read: the GS1 element strings a wedge or HID scan carries, read in the core: the GTIN the
// item is found by, batch, expiry (passed or not in the office's calendar, 2026-11-29 here), serial,
// and the count a scan adds (AI 30 with 01, AI 37 with 02); a code that is no GS1 string comes back
// as it is; a broken GS1 string is refused in words. counts.enter takes the count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { looksGs1 } from '../../shared/barcode';
import { financeOffice, must, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const read = (code: string) => must(o, 'keeper', 'scans.read', { code });

describe('scans.read', () => {
  it('a GS1-128 from a wedge with its AIM id: GTIN, batch, expiry not passed, count', async () => {
    expect(await read(']C10106923456000100' + '10B-7|17261130' + '3012')).toEqual({
      code: '06923456000100',
      gs1: { gtin: '06923456000100', batch: 'B-7', expiry: '2026-11-30', count: 12 },
      expired: false,
    });
  });

  it('without an AIM id: AI 02 + 37 (a logistic label) and an expiry already passed', async () => {
    expect(await read('0206923456000100' + '17261128' + '3724')).toEqual({
      code: '06923456000100',
      gs1: { gtin: '06923456000100', expiry: '2026-11-28', count: 24 },
      expired: true,
    });
  });

  it('an ordinary code, and one that only looks like GS1, come back as scanned', async () => {
    expect(await read('6923456000100')).toEqual({ code: '6923456000100', gs1: null, expired: false });
    expect(await read('0112345678901234567')).toEqual({ code: '0112345678901234567', gs1: null, expired: false });
    expect(await read('BD1|FH202611290001|abc')).toEqual({ code: 'BD1|FH202611290001|abc', gs1: null, expired: false });
  });

  it('a GS1 string that does not read is refused in words, naming what is wrong', async () => {
    const e = await refused(o, 'keeper', 'scans.read', { code: ']d20106923456000101' });
    expect([e.code, e.details.problem]).toEqual(['scan_gs1_bad', 'check_digit']);
    expect(e.message_zh).toContain('GTIN 校验位不对');
    const d = await refused(o, 'keeper', 'scans.read', { code: '0106923456000100|17261340' });
    expect([d.code, d.details.problem]).toEqual(['scan_gs1_bad', 'bad_date']);
  });

  it('which texts the renderer sends to be read', () => {
    for (const yes of [']C101069234560001001012', ']d2anything', '0106923456000100|21X', '010692345600010017261130', '10LOT|0106923456000100'])
      expect(looksGs1(yes), yes).toBe(true);
    for (const no of ['6923456000100', '16923456000107', 'BD1|FH1|x', ']E06923456000100', 'CZ-8801']) expect(looksGs1(no), no).toBe(false);
  });

  it('counts.enter adds a GS1 count times the pack quantity, and finds a GTIN-14 under its EAN-13', async () => {
    const count = await must(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'items', itemIds: [o.itemId('CZ-8801')] } });
    const r = await read(']C10106923456000100' + '3012');
    const line = await must(o, 'keeper', 'counts.enter', { countId: count.id, code: r.code, count: r.gs1!.count });
    expect(line.countedQty).toBe(12);
    const again = await must(o, 'keeper', 'counts.enter', { countId: count.id, code: '6923456000117', count: 2 }); // a case of 3, twice
    expect(again.countedQty).toBe(18);
  });
});
