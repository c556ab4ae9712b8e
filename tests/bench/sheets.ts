// Bench of import and export (import.*, export.xlsx), through the real core on a real SQLite file:
//   - importing 10,000 items with unit and case EAN-13 barcodes from XLSX: import.preview (read,
//     check every row against the file and the books) + import.commit (re-check, one transaction)
//     on a fresh office each run (target ≤ 5 s)
//   - exporting a 100,000-row stock card (13 columns, yuan amounts) to XLSX (target ≤ 5 s)
//
//   npx tsx tests/bench/sheets.ts          (prints the table; benchSheets() for run.ts)

import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
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

export interface SheetBenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
  note?: string;
}

const RUNS = 3;
const ITEMS = 10_000;
const CARD_ROWS = 100_000;

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

function cardRows(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  let balance = 0;
  for (let i = 0; i < CARD_ROWS; i++) {
    const inbound = i % 3 === 0;
    const qty = (i % 17) + 1;
    balance += inbound ? qty * 3 : -qty;
    const no = `${inbound ? 'RK' : 'FH'}-2026-${String(i).padStart(6, '0')}`;
    const amount = qty * 5200;
    rows.push([
      `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
      no,
      inbound ? '进仓' : '发货',
      inbound ? '总部仓库' : '城东建材城',
      inbound ? qty * 3 : null,
      inbound ? 5200 : null,
      inbound ? amount * 3 : null,
      inbound ? null : qty,
      inbound ? null : 5200,
      inbound ? null : amount,
      balance,
      balance * 5200,
      5200,
    ]);
  }
  return rows;
}

async function benchExport(): Promise<SheetBenchRow> {
  const o = await freshOffice();
  const columns = [
    ['日期', 'text'],
    ['单号', 'text'],
    ['摘要', 'text'],
    ['往来单位', 'text'],
    ['收入数量', 'int'],
    ['收入单价', 'yuan'],
    ['收入金额', 'yuan'],
    ['发出数量', 'int'],
    ['发出单价', 'yuan'],
    ['发出金额', 'yuan'],
    ['结存数量', 'int'],
    ['结存金额', 'yuan'],
    ['结存单价', 'yuan'],
  ].map(([header, format]) => ({ header, format: format as 'text' | 'int' | 'yuan' }));
  const rows = cardRows();
  const times: number[] = [];
  let size = 0;
  const cpu0 = process.cpuUsage();
  for (let run = 0; run < RUNS; run++) {
    const t0 = nowMs();
    const x = await must(
      o.core.call('export.xlsx', { title: '库存明细账', columns, rows, filters: [{ label: '商品', value: 'CZ-8801' }] }, { sessionToken: o.token }),
    );
    times.push(nowMs() - t0);
    size = Math.floor((x.base64.length * 3) / 4);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  o.core.close();
  rmSync(o.dir, { recursive: true, force: true });
  return {
    name: `export a ${CARD_ROWS.toLocaleString('en-US')}-row stock card to XLSX`,
    medianMs: median(times),
    targetMs: 5000,
    note: `file ${bytes(size)}, CPU ${ms(cpuMs)} per run (wall time counts a busy machine), in-process call`,
  };
}

export async function benchSheets(): Promise<SheetBenchRow[]> {
  return [await benchImport(), await benchExport()];
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
