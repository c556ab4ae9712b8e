import { describe, expect, it } from 'vitest';
import { parseBounds } from '../../renderer/src/screens/Finance/AgingScreen';

describe('aging buckets typed by the user', () => {
  it('takes increasing whole days separated by commas (either width) or spaces', () => {
    expect(parseBounds('30,60,90,180')).toEqual([30, 60, 90, 180]);
    expect(parseBounds('15， 45 90')).toEqual([15, 45, 90]);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '60,30', '30,30', '0,30', '30,abc', '1.5', '4000', Array.from({ length: 13 }, (_, i) => i + 1).join(',')])
      expect(parseBounds(bad)).toBeNull();
  });
});

describe('aging buckets typed with a Chinese IME', () => {
  it('reads full-width digits and commas', () => {
    expect(parseBounds('３０，６０，９０')).toEqual([30, 60, 90]);
  });
});
