// Bench of the printed documents (documents.render through the real core, fonts warm):
// a 20-line dispatch slip in its four copies on A5 (target: median ≤ 300 ms, PDF ≤ 100 KB),
// the same as a one-copy preview, a 40-line slip (A5: 4 pages a copy; A4: 1 page a copy),
// a stock card of ~100 moves, and checking a scanned QR.
//
//   npx tsx tests/bench/documents.ts          (prints the table; benchDocuments() for run.ts)

import { fileURLToPath } from 'node:url';
import type { Input } from '../../shared/contract';
import { ok } from '../helpers/index';
import { businessDays } from '../helpers/printing-day';
import { slipQrPayload } from '../../electron/domains/documents/service';
import { bytes, median, ms, nowMs, percentile, table } from './stats';

export interface BenchRow {
  name: string;
  medianMs: number;
  p95Ms?: number;
  extra: string;
}

const RUNS = 20;
const WARMUP = 3;

export async function benchDocuments(runs = RUNS): Promise<BenchRow[]> {
  const day = await businessDays({ cardDays: 45 });
  const { o } = day;
  const rows: BenchRow[] = [];
  try {
    const keeper = { sessionToken: o.tokens.keeper };
    const timed = async (name: string, input: Input<'documents.render'>, target = '') => {
      let last = { pages: 0, bytes: 0 };
      const times: number[] = [];
      for (let i = 0; i < WARMUP + runs; i++) {
        const t0 = nowMs();
        const v = ok(await o.core.call('documents.render', input, keeper));
        const t = nowMs() - t0;
        if (i >= WARMUP) times.push(t);
        last = { pages: v.pages, bytes: v.bytes };
      }
      rows.push({ name, medianMs: median(times), p95Ms: percentile(times, 95), extra: `${last.pages} pages, ${bytes(last.bytes)}${target}` });
    };
    await timed('dispatch 20 lines, A5, 4 copies', { doc: 'dispatch', slipId: day.dispatch20.id }, ' (target ≤ 300 ms, ≤ 100 KB)');
    await timed('dispatch 20 lines, A5, 1 copy (preview)', { doc: 'dispatch', slipId: day.dispatch20.id, copies: ['第一联 存根'] });
    await timed('dispatch 40 lines, A5, 4 copies', { doc: 'dispatch', slipId: day.dispatch40.id });
    await timed('dispatch 40 lines, A4, 4 copies', { doc: 'dispatch', slipId: day.dispatch40.id, paper: 'A4' });
    await timed('stock card ~100 moves, A4 landscape', { doc: 'stockCard', itemId: day.cardItemId, from: '2026-11-01' });

    const payload = slipQrPayload(o.core.db, day.dispatch20.no, day.dispatch20.contentHash);
    const times: number[] = [];
    for (let i = 0; i < WARMUP + runs * 5; i++) {
      const t0 = nowMs();
      ok(await o.core.call('documents.verifyQr', { payload }, keeper));
      if (i >= WARMUP) times.push(nowMs() - t0);
    }
    rows.push({ name: 'documents.verifyQr (genuine)', medianMs: median(times), p95Ms: percentile(times, 95), extra: '' });
  } finally {
    o.close();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchDocuments();
  console.log(
    table(
      ['document', '>median', '>p95', 'size'],
      rows.map((r) => [r.name, ms(r.medianMs), ms(r.p95Ms), r.extra]),
    ),
  );
}
