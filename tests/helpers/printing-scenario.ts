// A realistic day for printing: the demo office stocked from HQ, dispatches to the customers with
// rare characters in their names, a return, a reversal. Shared by the printing tests, the
// screenshot script (scripts/screenshots-docs.ts) and the bench (tests/bench/documents.ts).
// Also: reading a PDF back with poppler (pdftotext, pdftoppm) and its QR with zbar (zbarimg).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, Output, Slip } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { demoOffice, fixture, ok, type DemoOffice } from './index';

export type PrintOffice = DemoOffice;

/** The demo office with every item received from HQ (one posted inbound slip). */
export async function stockedOffice(qtyEach = 2000): Promise<{ o: PrintOffice; inbound: Slip }> {
  const o = await demoOffice();
  const lines = fixture.items.map((it) => ({ itemId: o.itemId(it.code), qty: qtyEach, unitCostFen: it.unitCostFen ?? 1000 }));
  const inb = ok(
    await o.core.call(
      'slips.create',
      { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-2026-11-0088', memo: '11月第二批到货', lines },
      { sessionToken: o.tokens.keeper },
    ),
  );
  const inbound = ok(await o.core.call('slips.post', { slipId: inb.id }, { sessionToken: o.tokens.keeper }));
  return { o, inbound };
}

/** n dispatch lines cycling through the demo items, with varied quantities. */
export function dispatchLines(o: PrintOffice, n: number): { itemId: number; qty: number }[] {
  return Array.from({ length: n }, (_, i) => ({ itemId: o.itemId(fixture.items[i % fixture.items.length].code), qty: 1 + ((i * 7) % 23) }));
}

export async function createDispatch(
  o: PrintOffice,
  customerCode: string,
  lines: { itemId: number; qty: number; priceFen?: number }[],
  extra: { paymentMode?: 'cash' | 'wechat' | 'alipay' | 'bank' | 'credit'; memo?: string } = {},
): Promise<Slip> {
  return ok(
    await o.core.call(
      'slips.create',
      { kind: 'dispatch', customerId: o.customerId(customerCode), paymentMode: extra.paymentMode ?? 'credit', memo: extra.memo ?? '', lines },
      { sessionToken: o.tokens.sales },
    ),
  );
}

/** Sessions end when idle: after moving the clock on, log everyone in again. */
export async function relogin(o: PrintOffice): Promise<void> {
  const t = o.tokens as Record<string, string>;
  for (const key of Object.keys(t)) {
    const role = (key === 'shipperDriver' ? 'driver' : key) as Role;
    t[key] = ok(await o.core.call('auth.login', { user: o.names[role], pin: o.pins[role] })).sessionToken;
  }
}

/** Signs as `role`. Finance signing a credit sale brings the manager's PIN along, for sales over the customer's credit limit. */
export async function sign(o: PrintOffice, slipId: number, role: Role): Promise<Slip> {
  const creditOverride = role === 'finance' ? { user: o.names.manager, pin: o.pins.manager } : undefined;
  return ok(await o.core.call('slips.sign', { slipId, role, user: o.names[role], pin: o.pins[role], creditOverride }, { sessionToken: o.tokens.statistician }));
}

export async function post(o: PrintOffice, slipId: number): Promise<Slip> {
  return ok(await o.core.call('slips.post', { slipId }, { sessionToken: o.tokens.keeper }));
}

/** A dispatch signed by the manager and finance and posted by the keeper. */
export async function postedDispatch(o: PrintOffice, customerCode: string, n: number, extra: Parameters<typeof createDispatch>[3] = {}): Promise<Slip> {
  const d = await createDispatch(o, customerCode, dispatchLines(o, n), extra);
  await sign(o, d.id, 'manager');
  await sign(o, d.id, 'finance');
  return post(o, d.id);
}

export interface Pdf {
  value: Output<'documents.render'>;
  bytes: Buffer;
}

/** documents.render (a preview unless printId is given). */
export async function render(o: PrintOffice, input: Input<'documents.render'>, token = o.tokens.keeper): Promise<Pdf> {
  const value = ok(await o.core.call('documents.render', input, { sessionToken: token }));
  return { value, bytes: Buffer.from(value.base64, 'base64') };
}

/** documents.recordPrint then documents.render of that print: what the desk does for 打印. */
export async function printDoc(o: PrintOffice, input: Input<'documents.recordPrint'>, token = o.tokens.keeper): Promise<Pdf> {
  const rec = ok(await o.core.call('documents.recordPrint', input, { sessionToken: token }));
  return render(o, { doc: rec.doc, slipId: rec.slipId ?? undefined, itemId: rec.itemId ?? undefined, printId: rec.id }, token);
}

function withTmp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler reads it (-layout keeps the columns on one line). */
export function pdfText(pdf: Buffer, opts: { layout?: boolean; first?: number; last?: number } = {}): string {
  return withTmp((dir) => {
    const f = join(dir, 'doc.pdf');
    writeFileSync(f, pdf);
    const args = [...(opts.layout === false ? [] : ['-layout']), '-enc', 'UTF-8'];
    if (opts.first) args.push('-f', String(opts.first));
    if (opts.last) args.push('-l', String(opts.last));
    return execFileSync('pdftotext', [...args, f, '-'], { encoding: 'utf8' });
  });
}

/** Pages' text, split on form feeds. */
export function pdfPages(pdf: Buffer): string[] {
  const t = pdfText(pdf);
  const pages = t.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** Renders page `page` at `dpi` and returns what zbarimg reads from it (every symbol, raw). */
export function decodeQr(pdf: Buffer, page = 1, dpi = 200): string[] {
  return withTmp((dir) => {
    const f = join(dir, 'doc.pdf');
    writeFileSync(f, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', f, join(dir, 'p')]);
    const png = readdirSync(dir).find((x) => x.endsWith('.png'))!;
    // zbarimg complains on stderr about D-Bus where there is none: not ours to show
    const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, png)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean);
  });
}

/** Writes the first `pages` pages of a PDF as PNGs (dir/name-1.png …) at `dpi`. */
export function pngPages(pdf: Buffer, dir: string, name: string, pages = 1, dpi = 80): string[] {
  const f = join(dir, `${name}.pdf`);
  writeFileSync(f, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', String(pages), '-png', f, join(dir, name)]);
  rmSync(f);
  return readdirSync(dir)
    .filter((x) => x.startsWith(`${name}-`) && x.endsWith('.png'))
    .sort()
    .map((x) => join(dir, x));
}
