// What the office signed is frozen (#11 defect 3): the party's name, contact and address and each
// line's item code, name, spec and unit are written onto the slip at its first signature (or at
// posting, for a slip nobody signs), are part of the signed content, and a reprint (补打) prints
// them — not today's master data. Editing a draft after a signature freezes it again at the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, signaturePayload, slipRow } from '../../electron/domains/slips/repo';
import { verifyBooks } from '../../electron/domains/system/verify';
import { signWithOfficeKey } from '../../electron/ledger/officeKey';
import { fixture, ok } from '../helpers/index';
import { createDispatch, pdfText, post, printDoc, sign, stockedOffice, type PrintOffice } from '../helpers/printing-scenario';

let o: PrintOffice;
beforeAll(async () => {
  ({ o } = await stockedOffice(50));
});
afterAll(() => o.close());

const item = fixture.items[0];
const customerOf = (code: string) => o.customerId(code);
const asManager = { sessionToken: '' };

describe('a signed slip prints what was signed', () => {
  it('a reprint after renaming the customer and changing the item’s unit shows the signed names and unit; signatures and verify hold', async () => {
    asManager.sessionToken = o.tokens.manager;
    const d = await createDispatch(o, 'KH003', [{ itemId: o.itemId(item.code), qty: 2 }]);
    await sign(o, d.id, 'manager');
    await sign(o, d.id, 'finance');
    const posted = await post(o, d.id);
    const before = pdfText((await printDoc(o, { doc: 'dispatch', slipId: d.id })).bytes);
    const customerName = posted.customerName!;
    expect(before).toContain(customerName);

    ok(await o.core.call('customers.update', { customerId: customerOf('KH003'), name: '改名后的客户', address: '新地址 99 号' }, asManager));
    ok(await o.core.call('items.update', { itemId: o.itemId(item.code), name: '改名后的商品', unit: '箱' }, asManager));

    const reprint = pdfText((await printDoc(o, { doc: 'dispatch', slipId: d.id })).bytes);
    expect(reprint).toContain('补打');
    expect(reprint).toContain(customerName);
    expect(reprint).toContain(item.name);
    for (const now of ['改名后的客户', '新地址 99 号', '改名后的商品']) expect(reprint).not.toContain(now);
    expect(reprint).not.toMatch(/\s箱\s/);
    const again = ok(await o.core.call('slips.get', { slipId: d.id }, asManager));
    expect(again.signatures.every((s) => s.valid)).toBe(true);
    expect(verifyBooks(o.core.db).problems).toEqual([]);
  });

  it('the paper is frozen at the first signature; an edit after it freezes it again, from today’s data, at the next', async () => {
    const d = await createDispatch(o, 'KH004', [{ itemId: o.itemId(fixture.items[1].code), qty: 1 }]);
    const frozen = () => o.core.db.prepare('SELECT paper_json FROM slips WHERE id = ?').pluck().get(d.id) as string | null;
    expect(frozen()).toBeNull();
    await sign(o, d.id, 'manager');
    expect(JSON.parse(frozen()!).party.name).toBe(d.customerName);
    ok(await o.core.call('customers.update', { customerId: customerOf('KH004'), name: '新名字' }, asManager));
    const cur = ok(await o.core.call('slips.get', { slipId: d.id }, asManager));
    const edited = ok(
      await o.core.call(
        'slips.update',
        { slipId: d.id, version: cur.version, lines: [{ itemId: o.itemId(fixture.items[1].code), qty: 3 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    expect(edited.signatures.every((s) => !s.valid)).toBe(true);
    expect(frozen()).toBeNull();
    await sign(o, d.id, 'manager');
    expect(JSON.parse(frozen()!).party.name).toBe('新名字');
  });

  it('a frozen paper changed behind the desk no longer matches its signatures', async () => {
    const d = await createDispatch(o, 'KH001', [{ itemId: o.itemId(fixture.items[2].code), qty: 1 }]);
    await sign(o, d.id, 'manager');
    o.core.db.prepare(`UPDATE slips SET paper_json = replace(paper_json, ?, '假客户') WHERE id = ?`).run(d.customerName, d.id);
    const s = ok(await o.core.call('slips.get', { slipId: d.id }, asManager));
    expect(s.signatures.map((g) => g.valid)).toEqual([false]);
  });
});

describe('a slip signed before the paper was frozen (an office upgraded mid-way)', () => {
  it('posts with its signatures still valid, and prints from the master data as before', async () => {
    const d = await createDispatch(o, 'KH002', [{ itemId: o.itemId(fixture.items[3].code), qty: 1 }]);
    await sign(o, d.id, 'manager');
    await sign(o, d.id, 'finance');
    // as if signed by a desk before 0017: no frozen paper, signatures over the content without it
    const db = o.core.db;
    db.exec('DROP TRIGGER IF EXISTS signatures_keep');
    db.prepare('UPDATE slips SET paper_json = NULL WHERE id = ?').run(d.id);
    const hash = contentHash(db, slipRow(db, d.id));
    for (const g of db.prepare('SELECT s.id, s.role, s.signed_at, u.name FROM signatures s JOIN users u ON u.id = s.user_id WHERE slip_id = ?').all(d.id) as {
      id: number;
      role: 'manager' | 'finance';
      signed_at: string;
      name: string;
    }[])
      db.prepare('UPDATE signatures SET content_hash = ?, signature = ? WHERE id = ?').run(
        hash,
        signWithOfficeKey(db, signaturePayload(d.no, hash, g.role, g.name, g.signed_at)),
        g.id,
      );
    const posted = await post(o, d.id);
    expect(posted.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(db.prepare('SELECT paper_json FROM slips WHERE id = ?').pluck().get(d.id)).toBeNull();
    expect(verifyBooks(db).problems).toEqual([]);
  });
});
