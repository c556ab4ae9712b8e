// Bench of import and export (import.*, export.xlsx), through the real core on a real SQLite file:
//   - importing 10,000 items with unit and case EAN-13 barcodes from XLSX: import.preview (read,
//     check every row against the file and the books) + import.commit (re-check, one transaction)
//     on a fresh office each run (target ≤ 5 s)
//   - exporting the bench office's longest stock card (FL-0001, ~86,000 rows from ~126,000 moves, 12
//     columns, yuan amounts) with export.grid: read, laid out, written as XLSX (target ≤ 5 s)
//
//   npx tsx tests/bench/sheets.ts          (prints the table; benchSheets() for run.ts)

import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../electron/core';
import { seedOffice } from '../../electron/demo/seed';
import { gs1CheckDigit } from '../../shared/barcode';
import type { Result } from '../../shared/contract';
import { SHEET_COLUMNS } from '../../shared/sheets';
import { loadFixture } from './office';
import { bytes, median, ms, nowMs, table } from './stats';
import { cachedOffice } from './waits';

export interface SheetBenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
  note?: string;
}

const RUNS = 3;
const ITEMS = 10_000;

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message_en}`);
  return r.value;
}

const ean13 = (n: number, prefix: string): string => {
  const body = `${prefix}${String(n).padStart(12 - prefix.length, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

async function itemsFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('商品');
  ws.addRow(SHEET_COLUMNS.items.map((c) => c.zh));
  for (let i = 1; i <= ITEMS; i++)
    ws.addRow([
      `B-${String(i).padStart(5, '0')}`,
      `测试商品 ${i} 号`,
      '600×600mm',
      '片',
      ean13(i, '6955'),
      ean13(i, '6966'),
      6,
      null,
      `A-${i % 40}`,
      (i % 997) + 0.5,
    ]);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

async function freshOffice(): Promise<{ core: Core; dir: string; token: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-sheets-'));
  const core = await createCore({ dbPath: join(dir, 'office.sqlite'), pinCost: 1024, clock: () => new Date('2026-11-30T01:00:00Z') });
  const { managerToken } = await seedOffice(core, { ...loadFixture(), items: [] });
  return { core, dir, token: managerToken };
}

async function benchImport(): Promise<SheetBenchRow> {
  const fileBase64 = await itemsFile();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const o = await freshOffice();
    const meta = { sessionToken: o.token };
    const t0 = nowMs();
    const p = await must(o.core.call('import.preview', { kind: 'items', fileName: 'items.xlsx', fileBase64 }, meta));
    if (p.problemRows > 0) throw new Error(`${p.problemRows} rows have problems`);
    await must(o.core.call('import.commit', { kind: 'items', fileName: 'items.xlsx', rows: p.rows }, meta));
    times.push(nowMs() - t0);
    o.core.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
  const fileBytes = Math.floor((fileBase64.length * 3) / 4);
  return {
    name: `import ${ITEMS.toLocaleString('en-US')} items with barcodes (XLSX, preview + commit)`,
    medianMs: median(times),
    targetMs: 5000,
    note: `file ${bytes(fileBytes)}`,
  };
}

/** The bench office's meta (.json beside the .sqlite): its users and its best seller. */
interface OfficeMeta {
  hot: { itemId: number; code: string; moves: number };
  users: { manager: { name: string; pin: string } };
}

/**
 * export.grid of the best seller's whole stock card on a copy of the bench office (FL-0001: about
 * 126,000 moves, 86,000 card rows in the full office): the card read as stock.card reads it, the
 * printed card's rows around it, the XLSX written, base64 for the rpc answer.
 */
async function benchExport(office: string): Promise<SheetBenchRow> {
  const meta = JSON.parse(readFileSync(office.replace(/\.sqlite$/, '.json'), 'utf8')) as OfficeMeta;
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-export-'));
  const dbPath = join(dir, 'office.sqlite');
  copyFileSync(office, dbPath);
  const core = await createCore({ dbPath, pinCost: 1024 });
  const { sessionToken } = await must(core.call('auth.login', { user: meta.users.manager.name, pin: meta.users.manager.pin }));
  const times: number[] = [];
  let size = 0;
  let rowCount = 0;
  const cpu0 = process.cpuUsage();
  for (let run = 0; run < RUNS; run++) {
    const t0 = nowMs();
    const x = await must(core.call('export.grid', { grid: 'stockCard', filters: { itemId: meta.hot.itemId } }, { sessionToken }));
    times.push(nowMs() - t0);
    size = Math.floor((x.base64.length * 3) / 4);
    rowCount = x.rowCount;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  core.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    name: `export the ${meta.hot.code} stock card (${rowCount.toLocaleString('en-US')} rows, ${meta.hot.moves.toLocaleString('en-US')} moves) to XLSX`,
    medianMs: median(times),
    targetMs: 5000,
    note: `export.grid, file ${bytes(size)}, CPU ${ms(cpuMs)} per run (wall time counts a busy machine), in-process call`,
  };
}

/** `office`: the bench office's .sqlite (run.ts passes the one it uses; alone, the newest cached full office). */
export async function benchSheets(office: string = cachedOffice('full')): Promise<SheetBenchRow[]> {
  return [await benchImport(), await benchExport(office)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchSheets();
  console.log(
    table(
      ['name', 'median', 'target', 'result', 'notes'],
      rows.map((r) => [r.name, ms(r.medianMs), `≤ ${ms(r.targetMs)}`, r.medianMs <= r.targetMs ? 'PASS' : 'MISS', r.note ?? '']),
    ),
  );
}
