// GS1 element strings: the elements the desk uses, GTIN check digits and expiry dates checked by
// us; GTIN candidates for the item lookup.
import { describe, expect, it } from 'vitest';
import { gs1Date, parseGs1 } from '../../electron/devices/gs1';
import { barcodeProblem, gtinCandidates } from '../../shared/barcode';

const GS = '\x1d';

describe('GS1 element strings', () => {
  it('reads GTIN, batch, expiry, serial and count, variable fields ended by GS', () => {
    expect(parseGs1(']C1', `0106923456000100` + `10B-7${GS}17261130` + `30${'12'}${GS}21ABC`, 2026)).toEqual({
      ok: true,
      fields: { gtin: '06923456000100', batch: 'B-7', expiry: '2026-11-30', count: 12, serial: 'ABC' },
    });
  });

  it('a logistic label: AI 02 stands for the GTIN, AI 37 for the count', () => {
    expect(parseGs1(']C1', `0206923456000100` + `3748${GS}10L9`, 2026)).toEqual({ ok: true, fields: { gtin: '06923456000100', count: 48, batch: 'L9' } });
    expect(parseGs1(']C1', `0206923456000100` + `370`, 2026)).toMatchObject({ ok: false, problem: { kind: 'bad_count' } });
  });

  it('refuses a GTIN with a wrong check digit', () => {
    expect(parseGs1(']d2', '0106923456000101', 2026)).toEqual({ ok: false, problem: { kind: 'check_digit', gtin: '06923456000101' } });
  });

  it('refuses an expiry that is no date, and reads day 00 as the month’s last day', () => {
    expect(parseGs1(']C1', '17261331', 2026)).toMatchObject({ ok: false, problem: { kind: 'bad_date', ai: '17' } });
    expect(gs1Date('270231', 2026)).toBeNull();
    expect(gs1Date('280229', 2026)).toBe('2028-02-29');
    expect(gs1Date('270229', 2026)).toBeNull();
    expect(gs1Date('280200', 2026)).toBe('2028-02-29');
    expect(gs1Date('990101', 2026)).toBe('1999-01-01'); // GS1's window: 73 years ahead is last century
    expect(gs1Date('760101', 2026)).toBe('2076-01-01');
  });

  it('says what is wrong with a string that is not GS1', () => {
    expect(parseGs1(']C1', '01123', 2026)).toMatchObject({ ok: false, problem: { kind: 'unreadable' } });
  });
});

describe('GTIN check digits and lengths', () => {
  it('EAN-13, UPC-A, EAN-8 and GTIN-14 check digits', () => {
    for (const good of ['6923456000100', '036000291452', '96385074', '16923456000107']) expect(barcodeProblem(good)).toBeNull();
    expect(barcodeProblem('6923456000101')).toEqual({ kind: 'check_digit', expected: 0 });
    expect(barcodeProblem('16923456000108')).toEqual({ kind: 'check_digit', expected: 7 });
  });

  it('a GTIN is looked up as scanned, then under its other GS1 lengths', () => {
    expect(gtinCandidates('06923456000100')).toEqual(['06923456000100', '6923456000100']);
    expect(gtinCandidates('00036000291452')).toEqual(['00036000291452', '036000291452', '0036000291452']);
    expect(gtinCandidates('6923456000100')).toEqual(['6923456000100', '06923456000100']);
    expect(gtinCandidates('16923456000107')).toEqual(['16923456000107']);
    expect(gtinCandidates('CZ-8801')).toEqual(['CZ-8801']);
  });
});
