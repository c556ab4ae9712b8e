// The commands of the desk's command line, callable in-process (tests) or from electron/cli.ts.
// Electron-free. Exit codes: 0 done, 1 the command failed (see the message), 2 bad usage or a
// missing file.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createCore, DEFAULT_PIN_COST } from '../core';
import { backupDatabase, restoreDatabase, RestoreRefused } from '../domains/backups/files';
import { DEFAULT_FIXTURE, initDemo } from './demo';
import { cannotOpen, FileError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, failed, formatFileError, parseOptions, required, UsageError } from './errors';
import { serveRpc } from './rpc';
import { formatReport, verifyFile } from '../domains/backups/fileCheck';
import { VERIFY_PACK_USAGE, cmdVerifyPack } from './verifyPack';

const USAGE = {
  rpc: 'desk rpc --db FILE',
  verify: 'desk verify --db FILE [--json]',
  backup: 'desk backup --db FILE --out FILE [--force]',
  restore: 'desk restore --from BACKUP --db FILE',
  'init-demo': 'desk init-demo --db FILE [--fixture FILE] [--pin-cost N]',
  'reset-pin': 'desk reset-pin --db FILE --user NAME --pin PIN',
  'verify-pack': VERIFY_PACK_USAGE,
  help: 'desk help',
} as const;
type Command = keyof typeof USAGE;

const usageOf = (c: Command) => `用法 / Usage: ${USAGE[c]}`;

const HELP = `办事处仓财台 命令行 / Branch Desk command line

用法 / Usage:
  npm run --silent desk -- <命令 command> [选项 options]
  node --import tsx electron/cli.ts <命令 command> [选项 options]

命令 / Commands:
  ${USAGE.rpc}
      从标准输入逐行读取 JSON 请求, 逐行输出 JSON 应答(按顺序处理)。
      One JSON request per line on stdin, one JSON response per line on stdout, in order:
        {"id": 1, "method": "auth.login", "input": {"user": "王强", "pin": "4444"}}
        {"id": 2, "method": "slips.post", "input": {"slipId": 7}, "requestId": "post-7"}
      登录成功后记住会话令牌; 请求可用 "sessionToken" 指定令牌(null: 不用令牌)。requestId 使写操作幂等。
      After a successful auth.login the session is remembered; "sessionToken" overrides it (null: none).
      A requestId makes a write idempotent: a retry gets the first answer, never a second post.
  ${USAGE.verify}
      核对账本(库存/成本层/单据/编号/审计链)、表结构和 SQLite 完整性; 只读打开, 不创建文件。
      Check the books, the schema and SQLite's integrity (read-only; never creates the file).
      退出码 / exit: 0 通过 sound · 1 发现问题 problems found · 2 无法核对 cannot check.
  ${USAGE.backup}
      联机一致备份(办事处仓财台可继续使用); 目标已存在时须加 --force。
      Consistent online backup (the desk may stay open); an existing --out needs --force.
  ${USAGE.restore}
      先核对备份, 再恢复; 原数据库保留为 FILE.before-restore-<时间>。须先关闭办事处仓财台。
      Verifies the backup, keeps the current file as FILE.before-restore-<time>, then restores.
      Refused while the database is open in the desk (WAL mode). Close the desk first.
  ${USAGE['init-demo']}
      在没有办事处的数据库里载入演示办事处(默认 electron/demo/demo-office.json)。
      Load the demo office into a database that has none. --pin-cost: scrypt N for the demo
      users' PINs (power of two, 1024–1048576; default ${DEFAULT_PIN_COST}; tests use 1024).
  ${USAGE['reset-pin']}
      在存放数据库的这台电脑上为管理员重设 PIN(本机没有 PIN 密钥、也没有密钥备份时); 记入审计。
      Give an administrator a new PIN on the PC that holds the database, when this PC lacks the PIN
      secret and there is no key backup (README: restoring onto a new PC). Audited. The other users'
      PINs then wait for the administrator to reset them, or for the key backup to be imported.
  ${USAGE['verify-pack']}
      离线核验月报文件(monthPack.export): 内容的 SHA-256 与办事处的 Ed25519 签名; 只需办事处公钥。
      Check a month pack file offline (monthPack.export): its SHA-256 and the office's Ed25519
      signature, with the office's public key only. Exit: 0 valid · 1 altered or not the office's.
  ${USAGE.help}

退出码 / Exit codes: 0 成功 done · 1 失败 failed · 2 用法错误或文件不存在 bad usage / missing file.
`;

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

async function cmdRpc(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { db: { type: 'string' } }, usageOf('rpc'));
  const dbPath = resolve(required(o.db, '--db', usageOf('rpc')));
  const isNew = !existsSync(dbPath);
  let core;
  try {
    core = await createCore({ dbPath });
  } catch (e) {
    throw cannotOpen(dbPath, e);
  }
  // stdout carries only responses; a note for whoever typed the path goes to stderr
  if (isNew) io.stderr.write(`注意: 新建了数据库 / Note: created a new database: ${dbPath}\n`);
  try {
    await serveRpc(core, io.stdin, io.stdout);
  } finally {
    core.close();
  }
  return EXIT_OK;
}

async function cmdVerify(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { db: { type: 'string' }, json: { type: 'boolean' } }, usageOf('verify'));
  const dbPath = resolve(required(o.db, '--db', usageOf('verify')));
  let report;
  try {
    report = await verifyFile(dbPath);
  } catch (e) {
    // could not check at all (not a database, unknown schema): not the same as "problems found"
    if (e instanceof FileError && e.exitCode === EXIT_FAILED) throw new FileError(EXIT_USAGE, e.message_zh, e.message_en, e.hint);
    throw e;
  }
  io.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

async function cmdBackup(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, usageOf('backup'));
  const dbPath = required(o.db, '--db', usageOf('backup'));
  const out = required(o.out, '--out', usageOf('backup'));
  const r = await backupDatabase(dbPath, out, o.force === true);
  io.stdout.write(
    `备份完成 / Backup written: ${r.out}\n` +
      `  ${r.bytes} 字节 bytes · 表结构版本 schema v${r.schemaVersion} · 单据 slips ${r.slips} · 审计记录 audit rows ${r.auditRows}\n`,
  );
  return EXIT_OK;
}

async function cmdRestore(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { from: { type: 'string' }, db: { type: 'string' } }, usageOf('restore'));
  const from = required(o.from, '--from', usageOf('restore'));
  const dbPath = required(o.db, '--db', usageOf('restore'));
  try {
    const r = await restoreDatabase(from, dbPath);
    io.stdout.write(
      `恢复完成 / Restored: ${r.db}\n` +
        (r.keptAs ? `  原数据库保留为 / the previous database is kept as: ${r.keptAs}\n` : '  (原先没有数据库 / there was no database before)\n') +
        formatReport(r.report),
    );
    return r.report.ok ? EXIT_OK : EXIT_FAILED;
  } catch (e) {
    if (e instanceof RestoreRefused) {
      io.stdout.write(formatReport(e.report));
      throw failed('备份文件未通过核对, 未做任何恢复', 'The backup does not verify; nothing was restored');
    }
    throw e;
  }
}

async function cmdInitDemo(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { db: { type: 'string' }, fixture: { type: 'string' }, 'pin-cost': { type: 'string' } }, usageOf('init-demo'));
  const dbPath = resolve(required(o.db, '--db', usageOf('init-demo')));
  let pinCost: number | undefined;
  if (o['pin-cost'] !== undefined) {
    pinCost = Number(o['pin-cost']);
    if (!Number.isInteger(pinCost) || pinCost < 1024 || pinCost > 1048576 || (pinCost & (pinCost - 1)) !== 0)
      throw new UsageError('--pin-cost 须是 1024 到 1048576 之间的 2 的幂', '--pin-cost must be a power of two from 1024 to 1048576', usageOf('init-demo'));
  }
  const r = await initDemo(dbPath, o.fixture ? resolve(o.fixture) : DEFAULT_FIXTURE, pinCost);
  io.stdout.write(
    `演示办事处已建立 / Demo office created: ${r.officeName}\n` +
      `  数据库 / database: ${dbPath}\n` +
      `  商品 items ${r.items} · 客户 customers ${r.customers} · 供应商 suppliers ${r.suppliers}\n` +
      `  用户 / users (演示 PIN / demo PINs):\n` +
      r.users.map((u) => `    ${u.name}  ${u.roles.join(',')}  PIN ${u.pin}\n`).join(''),
  );
  return EXIT_OK;
}

async function cmdResetPin(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { db: { type: 'string' }, user: { type: 'string' }, pin: { type: 'string' } }, usageOf('reset-pin'));
  const dbPath = resolve(required(o.db, '--db', usageOf('reset-pin')));
  const user = required(o.user, '--user', usageOf('reset-pin'));
  const pin = required(o.pin, '--pin', usageOf('reset-pin'));
  if (!existsSync(dbPath)) throw new UsageError(`数据库不存在: ${dbPath}`, `No such database: ${dbPath}`, usageOf('reset-pin'));
  let core;
  try {
    core = await createCore({ dbPath });
  } catch (e) {
    throw cannotOpen(dbPath, e);
  }
  try {
    const r = core.resetAdminPin(user, pin);
    if (!r.ok) throw failed(r.error.message_zh, r.error.message_en);
    io.stdout.write(
      `已为 ${r.value.user.name} 重设 PIN / New PIN set for ${r.value.user.name}\n` +
        (r.value.newPinSecret
          ? '  本机新建了 PIN 密钥: 其他用户的 PIN 须由管理员重设, 或导入密钥备份。\n  A new PIN secret was made on this PC: other users need new PINs from the administrator, or the key backup.\n'
          : ''),
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}

const COMMANDS: Record<Command, (args: string[], io: Io) => Promise<number>> = {
  rpc: cmdRpc,
  verify: cmdVerify,
  backup: cmdBackup,
  restore: cmdRestore,
  'init-demo': cmdInitDemo,
  'reset-pin': cmdResetPin,
  'verify-pack': cmdVerifyPack,
  help: async (_args, io) => {
    io.stdout.write(HELP);
    return EXIT_OK;
  },
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError('缺少命令', 'No command given', '运行 `desk help` 查看用法 / Run `desk help` for usage');
    if (name === '--help' || name === '-h') return await COMMANDS.help(rest, io);
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, name))
      throw new UsageError(
        `未知的命令「${name}」`,
        `Unknown command "${name}"`,
        `命令 / Commands: ${Object.keys(COMMANDS).join(', ')}\n运行 \`desk help\` 查看用法 / Run \`desk help\` for usage`,
      );
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(usageOf(name as Command) + '\n');
      return EXIT_OK;
    }
    return await COMMANDS[name as Command](rest, io);
  } catch (e) {
    if (e instanceof FileError) {
      io.stderr.write(formatFileError(e));
      return e.exitCode;
    }
    const m = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr.write(`错误: 意外失败\nError: unexpected failure\n${m}\n`);
    return EXIT_FAILED;
  }
}
