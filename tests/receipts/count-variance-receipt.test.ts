// 盘点差异 on the receipt printer: a count's differences and the gains and losses, from the same
// variance report as the screen; refused while the count is still open (a blind count's book stays
// hidden until counting is done), and to whoever does not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escpos } from '../../electron/devices/receipt/escpos';
import { receiptSource } from '../../electron/domains/receipts/sources';
import { escposText } from '../helpers/escpos';
import { HEAD } from '../helpers/receipt-samples';
import { financeOffice, must, refused, type DemoOffice } from '../helpers/finance';

describe('盘点差异 receipt', () => {
  let o: DemoOffice;
  let countId: number;
  let no: string;
  beforeAll(async () => {
    o = await financeOffice(); // CZ-8801 200 on hand
    const c = await must(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'items', itemIds: [o.itemId('CZ-8801')] } });
    [countId, no] = [c.id, c.no];
    await must(o, 'keeper', 'counts.enter', { countId, itemId: o.itemId('CZ-8801'), qty: 197 });
  });
  afterAll(() => o.close());

  it('is refused while the count is open, and to a salesperson', async () => {
    expect((await refused(o, 'keeper', 'receipts.preview', { kind: 'countVariance', id: countId })).code).toBe('count_blind_open');
    expect((await refused(o, 'sales', 'receipts.preview', { kind: 'countVariance', id: countId })).code).toBe('forbidden');
  });

  it('prints each difference with its FIFO value once counting is done', async () => {
    await must(o, 'keeper', 'counts.finish', { countId });
    const text = escposText(escpos(receiptSource(o.core.db, 'countVariance', countId, '2026-11-29', (s) => s).build(32, HEAD))).join('\n');
    expect(text).toContain('盘点差异');
    expect(text).toContain(no);
    expect(text).toContain('CZ-8801 抛光砖 雅典米白');
    expect(text).toMatch(/-3 .*-￥156\.00/); // three tiles short at 52.00
    expect(text).toMatch(/盘亏 3\s+￥156\.00/);
    expect((await must(o, 'keeper', 'receipts.preview', { kind: 'countVariance', id: countId, width: 32 })).svg).toContain('盘点差异');
  });
});
