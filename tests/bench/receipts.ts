// Bench of the receipt builder (electron/devices/receipt/): a 48-column dispatch ticket of 30
// lines with its verification QR and barcode, laid out and encoded as ESC/POS bytes (target
// ≤ 20 ms, issue #13), and the same receipt drawn as the screen's SVG preview.
//
//   npx tsx tests/bench/receipts.ts          (prints the table; benchReceipts() for run.ts)

import { fileURLToPath } from 'node:url';
import { escpos } from '../../electron/devices/receipt/escpos';
import { dispatchTicketDoc, type TicketLine } from '../../electron/devices/receipt/layouts';
import { previewSvg } from '../../electron/devices/receipt/preview';
import { HEAD, QR } from '../helpers/receipt-samples';
import { median, ms, nowMs, percentile, table } from './stats';

const RUNS = 200;
const LINES = 30;

export interface ReceiptBenchRow {
  name: string;
  medianMs: number;
  p95Ms: number;
  targetMs?: number;
  note?: string;
}

function ticket() {
  const lines: TicketLine[] = Array.from({ length: LINES }, (_, i) => ({
    name: `特级龙井茶 250g 礼盒装 第${i + 1}款`,
    qty: i + 1,
    unit: '盒',
    amountFen: 29900 * (i + 1),
  }));
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  return dispatchTicketDoc(48, HEAD, {
    slipNo: 'FH202612070001',
    date: '2026-12-07',
    customer: '杭州西湖百货有限公司',
    state: '已过账',
    lines,
    totalFen,
    qrPayload: QR,
  });
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < 10; i++) fn();
  return Array.from({ length: RUNS }, () => {
    const t = nowMs();
    fn();
    return nowMs() - t;
  });
}

export function benchReceipts(): ReceiptBenchRow[] {
  let size = 0;
  const built = time(() => (size = escpos(ticket()).length));
  const shown = time(() => previewSvg(ticket()));
  return [
    {
      name: `receipt 48 columns, ${LINES} lines + QR: ESC/POS bytes`,
      medianMs: median(built),
      p95Ms: percentile(built, 95),
      targetMs: 20,
      note: `${size} bytes, ${RUNS} runs`,
    },
    { name: `receipt 48 columns, ${LINES} lines + QR: SVG preview`, medianMs: median(shown), p95Ms: percentile(shown, 95), note: `${RUNS} runs` },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = benchReceipts();
  console.log(
    table(
      ['name', 'median', 'p95', 'target', 'notes'],
      rows.map((r) => [r.name, ms(r.medianMs), ms(r.p95Ms), r.targetMs ? `≤ ${ms(r.targetMs)}` : '—', r.note ?? '']),
    ),
  );
}
