// The QR on a printed slip, read back from the rendered page (pdftoppm → zbarimg) and checked at
// the desk (documents.verifyQr) and offline with the office's public key (electron/domains/documents/qr.ts and
// scripts/verify-slip.ts).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { slipQrPayload } from '../../electron/domains/documents/service';
import { formatQrPayload, parseQrPayload, publicKeyFingerprint, qrMessage, toBase64Url, verifyQrPayload } from '../../electron/domains/documents/qr';
import { ok } from '../helpers/index';
import { createDispatch, decodeQr, dispatchLines, postedDispatch, printDoc, stockedOffice, type PrintOffice } from '../helpers/printing-scenario';
import { REVERSE_SIGNOFFS } from '../helpers/index';

describe('slip QR codes', () => {
  let o: PrintOffice;
  let d: Slip;
  let payload: string;
  let pem: string;
  let dir: string;
  const verify = async (p: string, token = o.tokens.shipperDriver) => ok(await o.core.call('documents.verifyQr', { payload: p }, { sessionToken: token }));

  beforeAll(async () => {
    ({ o } = await stockedOffice());
    d = await postedDispatch(o, 'KH008', 20);
    const pdf = await printDoc(o, { doc: 'dispatch', slipId: d.id, copies: ['第二联 客户'] });
    const codes = decodeQr(pdf.bytes, 2); // the second page of the copy carries the same QR
    expect(codes).toHaveLength(1);
    payload = codes[0];
    pem = ok(await o.core.call('documents.publicKey', {}, { sessionToken: o.tokens.keeper })).publicKeyPem;
    dir = mkdtempSync(join(tmpdir(), 'desk-qr-'));
  });
  afterAll(() => {
    o?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('decodes from the printed page to the slip number, content hash and the office signature', () => {
    const f = parseQrPayload(payload)!;
    expect(f.no).toBe(d.no);
    expect(f.hash).toBe(d.contentHash);
    expect(payload).toBe(slipQrPayload(o.core.db, d.no, d.contentHash));
    expect(payload).toMatch(/^BD1\|FH\d{12}\|[0-9a-f]{64}\|[A-Za-z0-9_-]{86}$/);
  });

  it('is genuine at the desk, for any logged-in role', async () => {
    const v = await verify(payload);
    expect(v.status).toBe('genuine');
    expect(v.slip?.no).toBe(d.no);
    expect(v.slip?.customerName).toBe('𠮷野日式民宿(工程)');
    expect(v.message_zh).toContain('真实单据');
    expect(v.message_zh).toContain('已过账');
    const anon = await o.core.call('documents.verifyQr', { payload }, {});
    expect(anon.ok).toBe(false);
  });

  it('checks offline with the public key alone; another key or a changed hash fails', () => {
    expect(verifyQrPayload(payload, pem)).toEqual({ valid: true, no: d.no, hash: d.contentHash });
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyQrPayload(payload, other)).toMatchObject({ valid: false, reason: 'bad_signature' });
    const tampered = payload.replace(`|${d.contentHash}|`, `|${'0'.repeat(64)}|`);
    expect(verifyQrPayload(tampered, pem)).toMatchObject({ valid: false, reason: 'bad_signature' });
    expect(verifyQrPayload('hello', pem)).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verifyQrPayload(payload, 'not a key')).toMatchObject({ valid: false, reason: 'bad_key' });
    expect(publicKeyFingerprint(pem)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('scripts/verify-slip.ts: genuine exits 0, another office’s key exits 1; it exports the key from a database', () => {
    const keyFile = join(dir, 'office.pem');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../scripts/verify-slip.ts', import.meta.url)), ...args], { encoding: 'utf8' });
    const exported = run('--db', o.dbPath, '--export-pubkey', keyFile);
    expect(exported.status, exported.stderr).toBe(0);
    expect(readFileSync(keyFile, 'utf8')).toBe(pem);
    const good = run('--pubkey', keyFile, payload);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('GENUINE');
    expect(good.stdout).toContain(d.no);
    const otherFile = join(dir, 'other.pem');
    writeFileSync(otherFile, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const bad = run('--pubkey', otherFile, payload);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('NOT GENUINE');
  });

  it('a QR signed by another office’s key, or not ours at all, is foreign', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = formatQrPayload({
      no: d.no,
      hash: d.contentHash,
      signature: toBase64Url(edSign(null, Buffer.from(qrMessage(d.no, d.contentHash)), privateKey).toString('base64')),
    });
    const v = await verify(forged);
    expect(v.status).toBe('foreign');
    expect(v.slip).toBeNull();
    expect(v.message_zh).toContain('签名无效');
    expect((await verify('https://example.com/')).status).toBe('foreign');
    expect((await verify(payload.replace(/\|[^|]+$/, '|' + 'A'.repeat(86)))).status).toBe('foreign');
  });

  it('a draft printed and then edited is altered; a printed draft voided is void', async () => {
    const u = await createDispatch(o, 'KH005', dispatchLines(o, 3));
    const pdf = await printDoc(o, { doc: 'dispatch', slipId: u.id, copies: ['第一联 存根'] });
    const [p] = decodeQr(pdf.bytes, 1);
    expect((await verify(p)).status).toBe('genuine');
    expect((await verify(p)).message_zh).toContain('草稿');
    ok(await o.core.call('slips.update', { slipId: u.id, lines: dispatchLines(o, 4) }, { sessionToken: o.tokens.sales }));
    const v = await verify(p);
    expect(v.status).toBe('altered');
    expect(v.printedHash).not.toBe(v.slip?.contentHash);
    expect(v.message_zh).toContain('不符');
    // the new paper of the edited draft is genuine again, until the draft is voided
    const [p2] = decodeQr((await printDoc(o, { doc: 'dispatch', slipId: u.id, copies: ['第一联 存根'] })).bytes, 1);
    expect((await verify(p2)).status).toBe('genuine');
    ok(await o.core.call('slips.void', { slipId: u.id, reason: '客户取消' }, { sessionToken: o.tokens.sales }));
    expect((await verify(p2)).status).toBe('void');
  });

  it('the same paper after the slip is reversed says reversed, and by which slip', async () => {
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '客户退单', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    const v = await verify(payload);
    expect(v.status).toBe('reversed');
    expect(v.slip?.reversedBy?.no).toBe(reversal.no);
    expect(v.message_zh).toContain(reversal.no);
    expect(v.message_en).toContain(reversal.no);
  });
});
