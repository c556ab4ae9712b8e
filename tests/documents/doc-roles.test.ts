// Who may have which document is said once (docRoles in shared/schemas/documents.ts): the core
// refuses exactly the roles it leaves out, and the screens offer print buttons to exactly the roles
// it names (renderer/src/printing/PrintButtons.tsx). Checked here for every role of the demo office
// and every kind of document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docRoles, DOC_KINDS, type DocKind, type Input } from '../../shared/contract';
import { ok } from '../helpers';
import { financeOffice, postedDispatch, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
/** One document of each kind that this office has (no return or reversal is needed: they print as slips do). */
let target: Partial<Record<DocKind, Input<'documents.render'>>>;

beforeAll(async () => {
  o = await financeOffice();
  const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
  const inboundId = o.core.db.prepare("SELECT id FROM slips WHERE kind = 'inbound' LIMIT 1").pluck().get() as number;
  target = {
    dispatch: { doc: 'dispatch', slipId: d.id },
    inbound: { doc: 'inbound', slipId: inboundId },
    stockCard: { doc: 'stockCard', itemId: o.itemId('CZ-8801') },
    cashCount: { doc: 'cashCount' },
    statement: { doc: 'statement', customerId: o.customerId('KH001') },
  };
});
afterAll(() => o?.close());

describe('docRoles', () => {
  it('names every role the core lets have a document, and no other', async () => {
    const seen: string[] = [];
    for (const [who, sessionToken] of Object.entries(o.tokens)) {
      const me = ok(await o.core.call('auth.whoami', {}, { sessionToken }));
      for (const doc of DOC_KINDS) {
        const t = target[doc];
        if (!t) continue;
        const r = await o.core.call('documents.render', t, { sessionToken });
        const refused = !r.ok && r.error.code === 'forbidden';
        const allowed = me.roles.some((role) => docRoles(doc).includes(role));
        expect(refused, `${who} (${me.roles.join(',')}) ${doc}: ${r.ok ? 'ok' : r.error.code}`).toBe(!allowed);
        seen.push(`${who}:${doc}:${allowed ? 'yes' : 'no'}`);
      }
    }
    // the matrix is not trivial: each document is refused to someone and allowed to someone
    for (const doc of ['dispatch', 'inbound', 'stockCard', 'cashCount', 'statement'])
      expect(new Set(seen.filter((s) => s.includes(`:${doc}:`)).map((s) => s.split(':')[2]))).toEqual(new Set(['yes', 'no']));
  });
});
