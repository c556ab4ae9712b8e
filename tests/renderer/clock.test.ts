// The renderer's office clock: "today" and times in the office's timezone, never the PC's; the
// desk's clock (office.get `now`) dates things, the PC's only measures the time since.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEZONE, dateIn, deskNow, formatDateTime, formatTime, officeClock, setOfficeClock, today } from '../../renderer/src/i18n/clock';

const office = (timezone: string) => ({
  name: '测试办事处',
  shortName: '测试',
  timezone,
  publicKeyPem: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  address: '',
  phone: '',
  hqName: '',
  defaultPrinter: null,
  pinLength: 4 as const,
});

afterEach(() => {
  vi.useRealTimers();
  setOfficeClock({ office: office(DEFAULT_TIMEZONE), now: new Date().toISOString() });
});

describe('the office clock', () => {
  it('a moment late in the UTC evening is already the next day in Shanghai', () => {
    expect(dateIn(new Date('2026-11-29T18:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(dateIn(new Date('2026-11-29T18:30:00Z'), 'UTC')).toBe('2026-11-29');
    expect(dateIn(Date.parse('2026-11-29T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(dateIn(Date.parse('2026-11-29T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });

  it('today() is the office date of the desk clock, whatever the PC clock says', () => {
    vi.useFakeTimers();
    const pc = Date.parse('2026-12-06T20:00:00Z'); // the PC's clock is a week out
    vi.setSystemTime(pc);
    setOfficeClock({ office: office('Asia/Shanghai'), now: '2026-11-29T18:30:00.000Z' }, pc);
    expect(today()).toBe('2026-11-30');
    expect(deskNow().toISOString()).toBe('2026-11-29T18:30:00.000Z');
    // time passes on the PC: the desk's day turns at the office's midnight
    vi.setSystemTime(pc + 6 * 3600_000);
    expect(today()).toBe('2026-11-30');
    vi.setSystemTime(pc + 22 * 3600_000);
    expect(today()).toBe('2026-12-01');
  });

  it('formats times in the office timezone (another office, another zone)', () => {
    setOfficeClock({ office: office('Asia/Shanghai'), now: '2026-11-29T18:30:00.000Z' });
    expect(formatDateTime('2026-11-29T18:30:00Z')).toBe('2026-11-30 02:30');
    expect(formatDateTime('2026-11-29T01:02:03.456Z')).toBe('2026-11-29 09:02');
    expect(formatTime('2026-11-29T18:30:00Z')).toBe('02:30');
    expect(formatDateTime('2026-11-29T15:59:00Z')).toBe('2026-11-29 23:59');
    expect(formatDateTime('2026-11-29T16:00:00Z')).toBe('2026-11-30 00:00'); // h23, never 24:00
    setOfficeClock({ office: office('Asia/Urumqi'), now: '2026-11-29T18:30:00.000Z' });
    expect(officeClock().timezone).toBe('Asia/Urumqi');
    expect(formatDateTime('2026-11-29T18:30:00Z')).toBe('2026-11-30 00:30');
    expect(today()).toBe('2026-11-30');
  });

  it('nothing or nonsense shows as it is', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatTime(null)).toBe('');
  });

  it('an office not set up yet, or with an unknown zone, counts in Asia/Shanghai', () => {
    setOfficeClock({ office: null, now: '2026-11-29T18:30:00.000Z' });
    expect(officeClock()).toMatchObject({ loaded: true, timezone: 'Asia/Shanghai', office: null });
    setOfficeClock({ office: office('Mars/Olympus'), now: '2026-11-29T18:30:00.000Z' });
    expect(officeClock().timezone).toBe('Asia/Shanghai');
    expect(formatDateTime('2026-11-29T18:30:00Z')).toBe('2026-11-30 02:30');
  });
});
