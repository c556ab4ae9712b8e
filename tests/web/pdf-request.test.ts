import { describe, expect, it } from 'vitest';
import { parsePdfRequest, safePdfName } from '../../electron/pdf-request';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

describe("the shell's PDF requests (print-pdf, save-pdf)", () => {
  it('keeps a file name plain: no folders, no reserved characters, ends .pdf', () => {
    expect(safePdfName('发货单 FH202611290001.pdf')).toBe('发货单 FH202611290001.pdf');
    expect(safePdfName('../../etc/passwd')).toBe('passwd.pdf');
    expect(safePdfName('C:\\Windows\\x.pdf')).toBe('x.pdf');
    expect(safePdfName('a<b>:"|?*.pdf')).toBe('a_b______.pdf');
    expect(safePdfName('')).toBe('document.pdf');
    expect(safePdfName(42)).toBe('document.pdf');
    expect(safePdfName('...hidden')).toBe('hidden.pdf');
  });

  it('accepts only a base64 PDF, and reads paper and orientation', () => {
    expect(parsePdfRequest({ base64: PDF, fileName: 'a.pdf', pageSize: 'A5', landscape: true })).toMatchObject({
      fileName: 'a.pdf',
      pageSize: 'A5',
      landscape: true,
      preview: false,
    });
    expect(parsePdfRequest({ base64: PDF, fileName: 'a.pdf', pageSize: 'Letter' })).toMatchObject({ pageSize: 'A4', landscape: false });
    expect(parsePdfRequest({ base64: Buffer.from('<html>').toString('base64'), fileName: 'a.pdf' })).toEqual({ error: 'not_pdf' });
    expect(parsePdfRequest({ base64: '%%%', fileName: 'a.pdf' })).toEqual({ error: 'bad_request' });
    expect(parsePdfRequest(null)).toEqual({ error: 'bad_request' });
    expect(parsePdfRequest([PDF])).toEqual({ error: 'bad_request' });
  });

  it('passes the office’s default printer on by name, and drops a name that is not one', () => {
    expect(parsePdfRequest({ base64: PDF, fileName: 'a.pdf', deviceName: 'EPSON LQ-630K' })).toMatchObject({ deviceName: 'EPSON LQ-630K' });
    for (const bad of ['', 'x'.repeat(201), 'EPSON\n', 42, null])
      expect(parsePdfRequest({ base64: PDF, fileName: 'a.pdf', deviceName: bad })).not.toHaveProperty('deviceName');
  });
});
