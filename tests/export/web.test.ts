// A long grid exported through browser mode's door: POST /rpc export.grid answers a file far
// larger than the 1 MB a request may be (the envelope limits requests, not answers).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { ENVELOPE_LIMITS } from '../../electron/rpc/envelope';
import { demoOffice, type DemoOffice } from '../helpers';
import { must } from '../helpers/finance';
import { postRpc } from '../helpers/web';
import { column, readXlsx } from './sheet';

const SLIPS = 40;
const LINES = 500; // the most a slip takes: 40 × 500 = 20,000 card rows

describe('export.grid through POST /rpc', () => {
  let o: DemoOffice;
  let web: WebServer;
  beforeAll(async () => {
    o = await demoOffice();
    const itemId = o.itemId('CZ-8803');
    for (let n = 0; n < SLIPS; n++) {
      const lines = Array.from({ length: LINES }, (_, i) => ({ itemId, qty: 1 + (i % 5), unitCostFen: 5000 + n }));
      const s = await must(o, 'keeper', 'slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: `HQ-BIG-${n}`, lines });
      await must(o, 'keeper', 'slips.post', { slipId: s.id });
    }
    web = await startWebServer({ core: o.core, staticDir: o.dir, port: 0 });
  }, 240_000);
  afterAll(async () => {
    await web?.close();
    o?.close();
  });

  it('a 20,000-row stock card comes back whole, well over the request limit', async () => {
    const itemId = o.itemId('CZ-8803');
    const r = await postRpc(web, { method: 'export.grid', input: { grid: 'stockCard', filters: { itemId } }, sessionToken: o.tokens.keeper, requestId: null });
    expect(r.status).toBe(200);
    const body = r.json() as { ok: true; value: { base64: string; rowCount: number; fileName: string } };
    expect(body.ok).toBe(true);
    expect(r.text.length).toBeGreaterThan(ENVELOPE_LIMITS.maxBytes);
    const s = await readXlsx(body.value.base64);
    const moves = column(s, '单号').filter((no) => no !== null && no !== '');
    expect(moves.length).toBe(SLIPS * LINES);
    expect(column(s, '结存数量').at(-1)).toBe(SLIPS * (LINES / 5) * (1 + 2 + 3 + 4 + 5));
    expect(body.value.rowCount).toBe(s.rows.length);
  }, 60_000);

  it('and is refused through the door as in the core, for a role that may not read the card', async () => {
    const r = await postRpc(web, {
      method: 'export.grid',
      input: { grid: 'stockCard', filters: { itemId: o.itemId('CZ-8803') } },
      sessionToken: o.tokens.shipperDriver,
      requestId: null,
    });
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
