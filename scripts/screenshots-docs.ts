// Regenerates pictures of the first page(s) of every printed document from a demo office, to look
// at them (and keep them in the docs):
//
//   npx tsx scripts/screenshots-docs.ts [out-folder]        (default docs/screenshots/)
//
// Writes <doc>.pdf is not kept; <doc>-1.png (…) at 80 dpi. Needs poppler-utils (pdftoppm).
// The office is the test fixture (electron/demo/demo-office.json) on a temporary database,
// with a few weeks of business (tests/helpers/printing-day.ts).

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { businessDays } from '../tests/helpers/printing-day';
import { pngPages, printDoc, render } from '../tests/helpers/printing-scenario';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (/^doc-.*\.png$/.test(f)) rmSync(resolve(out, f));

const day = await businessDays();
const { o } = day;
try {
  const shots: [name: string, pages: number, make: () => ReturnType<typeof render>][] = [
    ['doc-dispatch-a5', 2, () => printDoc(o, { doc: 'dispatch', slipId: day.dispatch20.id, copies: ['第二联 客户'] })],
    ['doc-dispatch-unsigned', 1, () => render(o, { doc: 'dispatch', slipId: day.unsigned.id, copies: ['第一联 存根'] })],
    ['doc-dispatch-a4-40lines', 1, () => render(o, { doc: 'dispatch', slipId: day.dispatch40.id, paper: 'A4', copies: ['第四联 仓库'] })],
    ['doc-dispatch-a5-40lines', 4, () => render(o, { doc: 'dispatch', slipId: day.dispatch40.id, copies: ['第三联 财务'] })],
    ['doc-inbound', 2, () => render(o, { doc: 'inbound', slipId: day.inbound.id, copies: ['第三联 仓库'] })],
    ['doc-return', 1, () => render(o, { doc: 'return', slipId: day.ret.id, copies: ['第二联 客户'] })],
    ['doc-reversal', 1, () => render(o, { doc: 'reversal', slipId: day.reversal.id, copies: ['第二联 财务'] })],
    ['doc-stock-card', 2, () => render(o, { doc: 'stockCard', itemId: day.cardItemId, from: '2026-11-01', to: '2027-01-31' })],
  ];
  for (const [name, pages, make] of shots) {
    const pdf = await make();
    const pngs = pngPages(pdf.bytes, out, name, pages, 80);
    console.log(`${name}: ${pdf.value.pages} pages, ${(pdf.value.bytes / 1024).toFixed(1)} KB → ${pngs.map((p) => p.slice(out.length + 1)).join(', ')}`);
  }
} finally {
  o.close();
}
