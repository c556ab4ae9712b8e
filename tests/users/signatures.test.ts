// users.setSignature / users.signature: a PNG signature image per user, checked (PNG bytes, IHDR
// size, ≤ 200 KB), set and cleared by admin and manager or by the user for themself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { signaturePng } from '../helpers/signature-png';

describe('signature images', () => {
  let o: DemoOffice;
  const idOf = async (name: string) => ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.admin })).find((u) => u.name === name)!;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('a manager sets and clears a signature; users.list flags it, users.signature returns it', async () => {
    const keeper = await idOf(o.names.keeper);
    expect(keeper.hasSignature).toBe(false);
    const png = signaturePng();
    const u = ok(await o.core.call('users.setSignature', { userId: keeper.id, pngBase64: png.toString('base64') }, { sessionToken: o.tokens.manager }));
    expect(u.hasSignature).toBe(true);
    expect((await idOf(o.names.keeper)).hasSignature).toBe(true);
    expect(ok(await o.core.call('users.signature', { userId: keeper.id }, { sessionToken: o.tokens.admin })).pngBase64).toBe(png.toString('base64'));
    // a data URL is taken too
    ok(
      await o.core.call(
        'users.setSignature',
        { userId: keeper.id, pngBase64: `data:image/png;base64,${png.toString('base64')}` },
        { sessionToken: o.tokens.admin },
      ),
    );
    expect(ok(await o.core.call('users.signature', { userId: keeper.id }, { sessionToken: o.tokens.keeper })).pngBase64).toBe(png.toString('base64'));
    // the ordinary User payload does not carry the image
    expect(JSON.stringify(ok(await o.core.call('users.list', {}, { sessionToken: o.tokens.admin })))).not.toContain(png.toString('base64').slice(0, 40));
    ok(await o.core.call('users.setSignature', { userId: keeper.id, pngBase64: null }, { sessionToken: o.tokens.manager }));
    expect((await idOf(o.names.keeper)).hasSignature).toBe(false);
    expect(ok(await o.core.call('users.signature', { userId: keeper.id }, { sessionToken: o.tokens.manager })).pngBase64).toBeNull();
  });

  it('a user may set their own signature but nobody else’s', async () => {
    const keeper = await idOf(o.names.keeper);
    const sales = await idOf(o.names.sales);
    const b64 = signaturePng().toString('base64');
    expect(ok(await o.core.call('users.setSignature', { userId: keeper.id, pngBase64: b64 }, { sessionToken: o.tokens.keeper })).hasSignature).toBe(true);
    const e = err(await o.core.call('users.setSignature', { userId: sales.id, pngBase64: b64 }, { sessionToken: o.tokens.keeper }));
    expect(e.code).toBe('forbidden');
    expect(err(await o.core.call('users.signature', { userId: sales.id }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect((await idOf(o.names.sales)).hasSignature).toBe(false);
    expect(err(await o.core.call('users.setSignature', { userId: 99999, pngBase64: null }, { sessionToken: o.tokens.admin })).code).toBe('not_found');
  });

  it('refuses a non-PNG, a file over 200 KB and an image over 1200×600, in Chinese and English', async () => {
    const keeper = await idOf(o.names.keeper);
    const set = (pngBase64: string) => o.core.call('users.setSignature', { userId: keeper.id, pngBase64 }, { sessionToken: o.tokens.admin });
    ok(await o.core.call('users.setSignature', { userId: keeper.id, pngBase64: null }, { sessionToken: o.tokens.admin }));

    const jpeg = err(await set(Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(60)]).toString('base64')));
    expect(jpeg.code).toBe('invalid_input');
    expect(jpeg.message_zh).toContain('签名图片必须是 PNG 格式');
    expect(jpeg.message_en).toContain('signature image must be a PNG file');
    // PNG magic without an IHDR
    expect(err(await set(Buffer.concat([signaturePng().subarray(0, 8), Buffer.alloc(40)]).toString('base64'))).message_zh).toContain('PNG 格式');
    expect(err(await set('not base64 at all!')).message_en).toContain('base64');

    const big = signaturePng(400, 200, true); // random pixels: ~240 KB
    expect(big.length).toBeGreaterThan(200 * 1024);
    const tooLarge = err(await set(big.toString('base64')));
    expect(tooLarge.message_zh).toMatch(/签名图片过大 \(\d+ KB\), 最大 200 KB/);
    expect(tooLarge.message_en).toMatch(/too large \(\d+ KB; at most 200 KB\)/);

    const wide = err(await set(signaturePng(1300, 100).toString('base64')));
    expect(wide.message_zh).toContain('签名图片尺寸过大 (1300×100 像素), 最大 1200×600');
    expect(wide.message_en).toContain('too big (1300×100 px; at most 1200×600)');
    expect(err(await set(signaturePng(200, 601).toString('base64'))).message_zh).toContain('200×601');
    // the largest allowed size is fine
    expect(ok(await set(signaturePng(1200, 600).toString('base64'))).hasSignature).toBe(true);
    ok(await o.core.call('users.setSignature', { userId: keeper.id, pngBase64: null }, { sessionToken: o.tokens.admin }));
    expect((await idOf(o.names.keeper)).hasSignature).toBe(false);
  });
});
