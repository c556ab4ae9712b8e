// `desk verify-pack FILE --key office.pem`: HQ checks a month pack file (monthPack.export) offline,
// with the office's public key only (documents.publicKey, or `verify-slip --export-pubkey`; a file
// with retired keys too checks what any of them signed). Exit 0: genuine and unaltered; 1: altered,
// not this office's, or not a pack file; 2: bad usage or a missing file.

import { existsSync, readFileSync } from 'node:fs';
import { publicKeysIn, verifyPackText } from '../domains/monthPack/file';
import { EXIT_FAILED, EXIT_OK, UsageError, parseOptions, required } from './errors';
import type { Io } from './main';

export const VERIFY_PACK_USAGE = 'desk verify-pack FILE --key PUBLIC_KEY_FILE';
const usage = `用法 / Usage: ${VERIFY_PACK_USAGE}`;

function readText(path: string, what_zh: string, what_en: string): string {
  if (!existsSync(path)) throw new UsageError(`${what_zh}不存在: ${path}`, `No such ${what_en}: ${path}`, usage);
  return readFileSync(path, 'utf8');
}

export async function cmdVerifyPack(args: string[], io: Io): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('-')) throw new UsageError('缺少月报文件', 'No month pack file given', usage);
  const o = parseOptions(rest, { key: { type: 'string' } }, usage);
  const keyText = readText(required(o.key, '--key', usage), '公钥文件', 'key file');
  const v = verifyPackText(readText(file, '月报文件', 'month pack file'), publicKeysIn(keyText));
  if (!v.ok) {
    io.stdout.write(`核验失败 / NOT VALID: ${file}\n  ${v.message_zh}\n  ${v.message_en}\n`);
    return EXIT_FAILED;
  }
  const p = v.payload;
  io.stdout.write(
    `核验通过 / VALID: ${p.office.name} ${v.month} 月报 month pack\n` +
      `  签署人 signed by: ${p.signedBy.name} (经理 manager) ${p.signedAt}\n` +
      `  包含 parts: ${Object.keys(p.parts)
        .sort()
        .map((k) => `${k} ${p.titles[k]?.zh ?? ''}`)
        .join(', ')}\n` +
      `  SHA-256: ${v.sha256}\n` +
      `  审计链头 audit chain head: #${p.auditHead.seq} ${p.auditHead.hash}\n` +
      `  公钥指纹 key fingerprint: ${p.keyFingerprint}\n`,
  );
  return EXIT_OK;
}
