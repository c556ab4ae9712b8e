// A slip's QR image is made once per text and kept (the last 64): the kept image is the image of
// that text, whatever came between.
import { describe, expect, it } from 'vitest';
import { matrixPng, qrMatrix, qrPngDataUrl } from '../../electron/printing/qr-image';

const fresh = (text: string) => `data:image/png;base64,${matrixPng(qrMatrix(text, 'M')).toString('base64')}`;

describe('qrPngDataUrl', () => {
  it('gives each text its own QR, the same before and after 100 others pushed it out of the cache', () => {
    const a = qrPngDataUrl('BD|CK202612060001|abc', 'M');
    expect(a.dataUrl).toBe(fresh('BD|CK202612060001|abc'));
    expect(qrPngDataUrl('BD|CK202612060001|abc', 'M')).toEqual(a);
    expect(qrPngDataUrl('BD|CK202612060002|abc', 'M').dataUrl).not.toBe(a.dataUrl);
    expect(qrPngDataUrl('BD|CK202612060001|abc', 'H').dataUrl).not.toBe(a.dataUrl);
    for (let i = 0; i < 100; i++) expect(qrPngDataUrl(`BD|JC2026120600${i}|x`, 'M').dataUrl).toBe(fresh(`BD|JC2026120600${i}|x`));
    expect(qrPngDataUrl('BD|CK202612060001|abc', 'M')).toEqual(a);
  });
});
