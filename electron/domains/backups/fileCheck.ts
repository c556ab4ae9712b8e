// Checking a database file (`desk verify`, a backup after writing it, a backup before restoring):
// the books' invariants (verifyBooks) on a database file, plus two checks that only
// make sense on a file: SQLite's own quick_check, and that the schema is exactly what the
// migrations made (so a dropped append-only trigger, or a trigger added behind the app's back,
// shows up even before it has been used to change a row).
// The file is opened read-only and never created.

import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { VerifyReport } from '../../../shared/contract';
import { verifyBooks } from '../system/verify';
import { asReadable, type DB } from '../../store/db';
import { latestVersion, migrate, schemaVersion } from '../../store/migrate';
import { MIGRATIONS } from '../../store/migrations';
import { failed, UsageError } from './fileErrors';

type Problem = VerifyReport['problems'][number];

let nativeBinding: string | undefined;

/** The better_sqlite3.node of this runtime (the Electron shell's own build), for the files opened here; the core sets it. */
export function useNativeBinding(path: string | undefined): void {
  if (path) nativeBinding = path;
}

/** A connection to a file these tools check or copy, with this runtime's build of the addon. */
export function openFile(path: string, opts: Database.Options = {}): DB {
  return new Database(path, { ...opts, nativeBinding });
}

export interface FileReport extends VerifyReport {
  path: string;
  schemaVersion: number;
}

/** Open an existing office database for reading; clear bilingual errors when it cannot be. */
export function openExisting(path: string, what_zh = '数据库文件', what_en = 'database file'): DB {
  if (!existsSync(path)) throw new UsageError(`${what_zh}不存在: ${path}`, `No such ${what_en}: ${path}`);
  if (!statSync(path).isFile()) throw new UsageError(`${what_zh}不是普通文件: ${path}`, `Not a regular file: ${path}`);
  let db: DB;
  try {
    db = openFile(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    schemaVersion(db); // reads the header: fails here on a file that is not SQLite
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw failed(`无法打开${what_zh} ${path}: ${m}`, `Cannot open the ${what_en} ${path}: ${m}`);
  }
  return db;
}

/** The schema version must be one this app knows (1..latest). */
export function checkSchemaVersion(db: DB, path: string): number {
  const v = schemaVersion(db);
  const latest = latestVersion(MIGRATIONS);
  if (v === 0) throw failed(`${path} 不是办事处仓财台的数据库(没有表结构版本)`, `${path} is not a Branch Desk database (no schema version)`);
  if (v > latest)
    throw failed(
      `数据库由更新版本的程序写入(库版本 ${v}, 本程序支持 ${latest}), 请升级程序`,
      `The database was written by a newer version (schema ${v}, this app knows ${latest}): upgrade the app`,
    );
  return v;
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

const SCHEMA_QUERY = `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`;

/** Tables, indexes and triggers that differ from what the migrations up to `version` create. */
export async function schemaProblems(db: DB, version: number): Promise<Problem[]> {
  const mem = openFile(':memory:');
  try {
    await migrate(mem, ':memory:', MIGRATIONS.slice(0, version));
    const expected = new Map((mem.prepare(SCHEMA_QUERY).all() as SchemaObject[]).map((o) => [`${o.type} ${o.name}`, o]));
    const actual = new Map((db.prepare(SCHEMA_QUERY).all() as SchemaObject[]).map((o) => [`${o.type} ${o.name}`, o]));
    const problems: Problem[] = [];
    for (const [key, o] of expected) {
      const a = actual.get(key);
      if (!a) problems.push({ check: 'schema', message: `${o.type} ${o.name} is missing`, details: { type: o.type, name: o.name, change: 'missing' } });
      else if (a.sql !== o.sql)
        problems.push({
          check: 'schema',
          message: `${o.type} ${o.name} differs from the migrations`,
          details: { type: o.type, name: o.name, change: 'changed', sql: a.sql },
        });
    }
    for (const [key, a] of actual)
      if (!expected.has(key))
        problems.push({
          check: 'schema',
          message: `${a.type} ${a.name} is not part of the schema`,
          details: { type: a.type, name: a.name, change: 'extra', sql: a.sql },
        });
    return problems;
  } finally {
    mem.close();
  }
}

/** Every check on an open database: SQLite integrity, schema, then the books. */
export async function verifyDatabase(db: DB, path: string): Promise<FileReport> {
  const version = checkSchemaVersion(db, path);
  const extra: Problem[] = [];
  const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
  try {
    const integrity = db.pragma('quick_check(100)', { simple: false }) as { quick_check: string }[];
    for (const m of integrity.map((r) => r.quick_check).filter((m) => m !== 'ok')) extra.push({ check: 'sqlite.integrity', message: m, details: {} });
  } catch (e) {
    extra.push({ check: 'sqlite.integrity', message: `quick_check failed: ${why(e)}`, details: {} });
  }
  try {
    extra.push(...(await schemaProblems(db, version)));
  } catch (e) {
    extra.push({ check: 'schema', message: `the schema could not be read: ${why(e)}`, details: {} });
  }

  let books: VerifyReport;
  try {
    books = verifyBooks(asReadable(db), path);
  } catch (e) {
    const m = why(e);
    books = {
      ok: false,
      checked: { items: 0, moves: 0, layers: 0, auditRows: 0, slips: 0 },
      problems: [{ check: 'books', message: `the books could not be checked: ${m}`, details: {} }],
      anchors: {
        checkedToSeq: null,
        anchorDate: null,
        unanchoredRows: 0,
        summary_zh: '审计链未能核对',
        summary_en: 'The audit chain could not be checked',
        notes: [],
      },
    };
  }
  const problems = [...extra, ...books.problems];
  return { path, schemaVersion: version, ok: problems.length === 0, checked: books.checked, problems, anchors: books.anchors };
}

export async function verifyFile(path: string): Promise<FileReport> {
  const db = openExisting(path);
  try {
    return await verifyDatabase(db, path);
  } finally {
    db.close();
  }
}

const CHECK_ZH: Record<string, string> = {
  'sqlite.integrity': 'SQLite 文件完整性',
  schema: '表结构(含只追加触发器)',
  books: '账本核对',
  'stock.qty': '库存数量',
  'stock.amount': '库存金额',
  'stock.running': '逐笔结存',
  'stock.layer': 'FIFO 成本层',
  'slips.moves': '单据与库存流水',
  'slips.numbering': '单据编号连续',
  'audit.chain': '审计日志哈希链',
  'audit.anchor': '审计链日结锚点',
  'slips.content': '已过账单据内容(过账哈希)',
};

/** The report for people: headline in Chinese and English, what was checked, each problem. */
export function formatReport(r: FileReport): string {
  const c = r.checked;
  const out: string[] = [];
  if (r.ok) {
    out.push('账本核对通过, 未发现问题。', 'Books verified: no problems found.');
  } else {
    out.push(`账本核对未通过: 发现 ${r.problems.length} 个问题。`, `Books verification FAILED: ${r.problems.length} problem(s) found.`);
  }
  out.push(
    `数据库 / Database: ${r.path} (表结构版本 / schema v${r.schemaVersion})`,
    `已核对 / Checked: 商品 items ${c.items} · 单据 slips ${c.slips} · 库存流水 moves ${c.moves} · 成本层 layers ${c.layers} · 审计记录 audit rows ${c.auditRows}`,
    r.anchors.summary_zh,
    r.anchors.summary_en,
    ...r.anchors.notes.flatMap((n) => [`注意: ${n.zh}`, `Note: ${n.en}`]),
  );
  if (!r.ok) {
    const byCheck = new Map<string, number>();
    for (const p of r.problems) byCheck.set(p.check, (byCheck.get(p.check) ?? 0) + 1);
    out.push(`未通过的检查 / Failed checks: ${[...byCheck].map(([k, n]) => `${k} (${CHECK_ZH[k] ?? k}) ×${n}`).join(', ')}`, '问题 / Problems:');
    for (const p of r.problems) out.push(`  [${p.check}] ${p.message}`);
  }
  return out.join('\n') + '\n';
}
