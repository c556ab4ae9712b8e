// What the shell's 'save-xlsx' channel takes (electron/xlsx-request.ts): an XLSX (a ZIP) as base64
// under a plain file name; anything else is refused before the save dialog opens.

import { describe, expect, it } from 'vitest';
import { sheetXlsx } from '../../electron/domains/export/xlsx';
import { parseXlsxRequest } from '../../electron/xlsx-request';

describe('save-xlsx requests', () => {
  const base64 = sheetXlsx({ title: '单据查询', columns: [{ header: '单号', format: 'text' }], rows: [['FH1']], filters: [] }, 'now');

  it('takes an XLSX the core wrote, under a file name with no folders that ends .xlsx', () => {
    const r = parseXlsxRequest({ base64, fileName: '../../单据查询_2026-11-29' });
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    expect(r.fileName).toBe('单据查询_2026-11-29.xlsx');
    expect(r.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses what is not an XLSX, not base64, or no object', () => {
    expect(parseXlsxRequest({ base64: Buffer.from('%PDF-1.7').toString('base64'), fileName: 'x.xlsx' })).toEqual({ error: 'not_xlsx' });
    expect(parseXlsxRequest({ base64: 'not base64!', fileName: 'x.xlsx' })).toEqual({ error: 'bad_request' });
    expect(parseXlsxRequest({ base64: '', fileName: 'x.xlsx' })).toEqual({ error: 'bad_request' });
    expect(parseXlsxRequest(['x'])).toEqual({ error: 'bad_request' });
  });
});
