// Check a printed slip's QR code offline, without the office's database: HQ (or anyone) with the
// office's public key can tell whether a QR was issued by that office, and for which slip number
// and content hash.
//
//   npx tsx scripts/verify-slip.ts --pubkey office.pem '<payload>'
//   echo '<payload>' | npx tsx scripts/verify-slip.ts --pubkey office.pem
//   npx tsx scripts/verify-slip.ts --db office.sqlite --export-pubkey office.pem
//
// <payload> is what a scanner reads from the slip's QR code (one line):
//   BD1|<slip no>|<SHA-256 content hash, hex>|<Ed25519 signature, base64url>
// The signature covers "branch-desk:slip-qr:v1\n<slip no>\n<content hash>".
//
// office.pem is the office's public key: export it at the desk (documents.publicKey, or
// office.get → publicKeyPem), or with --export-pubkey from a copy of the office's database
// (opened read-only). Compare its fingerprint (printed here) with the one the office reads out.
// An office that made a new key (office.newKey) keeps its retired keys: --export-pubkey writes them
// all (current first) into the one file, and a QR signed by any of them is genuine.
//
// This says the paper is genuine; whether it still matches the books (not edited, not reversed
// since) only the desk can say: scan it there (documents.verifyQr).
//
// Exit codes: 0 genuine · 1 not genuine (bad signature, wrong office, or not a slip QR) · 2 usage.

import { readFileSync, writeFileSync } from 'node:fs';
import { publicKeyFingerprint, verifyQrPayload } from '../electron/domains/documents/qr';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('用法 / Usage: npx tsx scripts/verify-slip.ts --pubkey office.pem [payload]');
  console.error('              npx tsx scripts/verify-slip.ts --db office.sqlite --export-pubkey office.pem');
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined) usage(`${name} needs a value`);
  args.splice(i, 2);
  return v;
};

const exportTo = opt('--export-pubkey');
const dbPath = opt('--db');
if (exportTo) {
  if (!dbPath) usage('--export-pubkey needs --db');
  const { openDatabase } = await import('../electron/store/db');
  const db = openDatabase(dbPath, { readonly: true });
  const row = db.prepare('SELECT name, public_key_pem FROM office WHERE id = 1').get() as { name: string; public_key_pem: string } | undefined;
  const hasKeys = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'office_keys'").get() !== undefined;
  const pems = hasKeys ? (db.prepare('SELECT public_key_pem FROM office_keys ORDER BY retired_at IS NOT NULL, id DESC').pluck().all() as string[]) : [];
  db.close();
  if (!row) usage(`${dbPath}: no office in this database`);
  const all = pems.length ? pems : [row.public_key_pem];
  writeFileSync(exportTo, all.join(''));
  console.log(`${row.name}\n公钥已导出 / public key written: ${exportTo}`);
  all.forEach((p, i) => console.log(`指纹 / fingerprint${i ? ' (停用 retired)' : ''}: ${publicKeyFingerprint(p)}`));
  process.exit(0);
}

const pubPath = opt('--pubkey');
if (!pubPath) usage();
let pem: string;
try {
  pem = readFileSync(pubPath, 'utf8');
} catch {
  usage(`cannot read ${pubPath}`);
}
const payload = (args[0] ?? readFileSync(0, 'utf8')).trim();
if (!payload) usage('no payload');

// the file may hold several keys (the current one and those the office retired)
const pems = pem.split(/(?=-----BEGIN PUBLIC KEY-----)/).filter((p) => p.trim());
const tried = pems.map((p) => ({ p, v: verifyQrPayload(payload, p) }));
const hit = tried.find((x) => x.v.valid) ?? tried[0] ?? { p: pem, v: verifyQrPayload(payload, pem) };
const v = hit.v;
let fingerprint = '?';
try {
  fingerprint = publicKeyFingerprint(hit.p);
} catch {
  /* reported as bad_key below */
}
if (v.valid) {
  console.log(`真实 / GENUINE: 单据 ${v.no} 由此公钥的办事处签发 (issued by the office of this key)`);
  console.log(`内容哈希 / content hash: ${v.hash}`);
  console.log(`公钥指纹 / key fingerprint: ${fingerprint}`);
  console.log('是否已修改或冲销须在办事处扫码核对 / whether it was since changed or reversed: scan it at the desk');
  process.exit(0);
}
const why = {
  malformed: '不是办事处仓财台的单据二维码 / not a Branch Desk slip QR',
  bad_key: '公钥文件无效 / the public key file is not an Ed25519 public key',
  bad_signature: '签名不符: 非此办事处签发, 或内容被篡改 / signature does not verify: another office, or tampered with',
}[v.reason];
console.log(`无效 / NOT GENUINE: ${why}${v.no ? ` (单号 / slip ${v.no})` : ''}`);
process.exit(v.reason === 'bad_key' ? 2 : 1);
