// Signature images in the signature boxes: a slip signed by a manager who has a signature image
// carries that image (an /Image XObject, listed by pdfimages) beside the name; without it, not.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../helpers/index';
import { signaturePng } from '../helpers/signature-png';
import { pdfText, postedDispatch, render, stockedOffice, type PrintOffice } from '../helpers/printing-scenario';

/** pdfimages -list: one row per image drawn (width, height). */
function pdfImages(pdf: Buffer): { w: number; h: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'desk-sig-'));
  try {
    const f = join(dir, 'a.pdf');
    writeFileSync(f, pdf);
    const out = execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/))
      .map((c) => ({ w: Number(c[3]), h: Number(c[4]) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('signature images on the papers', () => {
  let o: PrintOffice;
  beforeAll(async () => {
    ({ o } = await stockedOffice());
  });
  afterAll(() => o?.close());

  it('a slip signed by a manager with a signature image draws it; without one it does not', async () => {
    const slip = await postedDispatch(o, 'KH008', 3);
    const plain = (await render(o, { doc: 'dispatch', slipId: slip.id })).bytes;
    expect(pdfImages(plain).filter((i) => i.w === 240 && i.h === 80)).toEqual([]);

    const manager = ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.admin })).find((u) => u.name === o.names.manager)!;
    ok(
      await o.core.call('users.setSignature', { userId: manager.id, pngBase64: signaturePng(240, 80).toString('base64') }, { sessionToken: o.tokens.manager }),
    );
    const signed = (await render(o, { doc: 'dispatch', slipId: slip.id })).bytes;
    expect(signed.length).toBeGreaterThan(plain.length);
    expect(signed.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    // drawn on every copy's page (four copies); the name is still there as text
    const sigs = pdfImages(signed).filter((i) => i.w === 240 && i.h === 80);
    expect(sigs.length).toBe(4);
    expect(pdfText(signed)).toContain(o.names.manager);

    // cleared: back to no image
    ok(await o.core.call('users.setSignature', { userId: manager.id, pngBase64: null }, { sessionToken: o.tokens.admin }));
    expect(pdfImages((await render(o, { doc: 'dispatch', slipId: slip.id })).bytes).filter((i) => i.w === 240 && i.h === 80)).toEqual([]);
  });

  it('the cash count sheet of a closed day draws the finance signer’s image in their box', async () => {
    const finance = ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.admin })).find((u) => u.name === o.names.finance)!;
    ok(
      await o.core.call('users.setSignature', { userId: finance.id, pngBase64: signaturePng(240, 80).toString('base64') }, { sessionToken: o.tokens.finance }),
    );
    const pv = ok(await o.core.call('dayClose.preview', { date: '2026-11-29' }, { sessionToken: o.tokens.finance }));
    ok(
      await o.core.call(
        'dayClose.close',
        {
          date: '2026-11-29',
          counts: {},
          channels: Object.fromEntries(pv.channels.map((c) => [c.account, c.expectedFen])) as never,
          ...(pv.cash.expectedFen !== 0 ? { differenceReason: '测试', managerApproval: { user: o.names.manager, pin: o.pins.manager } } : {}),
          finance: { user: o.names.finance, pin: o.pins.finance },
          statistician: { user: o.names.statistician, pin: o.pins.statistician },
        },
        { sessionToken: o.tokens.finance },
      ),
    );
    const pdf = (await render(o, { doc: 'cashCount', date: '2026-11-29' }, o.tokens.finance)).bytes;
    expect(pdfImages(pdf).filter((i) => i.w === 240 && i.h === 80)).toHaveLength(1);
    expect(pdfText(pdf)).toContain(o.names.finance);
  });
});
