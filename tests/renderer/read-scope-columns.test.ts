// 保密制度 on screen: the slip view's and the items grid's columns follow the same rule table the
// core applies (shared/readScope.ts) — no price, amount or cost column for the driver, no FIFO cost
// for a salesperson, everything for finance.
import { describe, expect, it } from 'vitest';
import type { Slip, SlipLine } from '../../shared/contract';
import { readScopeOf } from '../../shared/readScope';
import type { Role } from '../../shared/roles';
import { translate } from '../../renderer/src/i18n';
import { slipLineColumns } from '../../renderer/src/screens/Slips/slipViewRules';
import { itemColumns } from '../../renderer/src/screens/Items/itemColumns';

const t = ((key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate('zh', key, vars)) as Parameters<
  typeof slipLineColumns
>[1];
const line = { id: 1, lineNo: 1, qty: 2, shippedQty: 2, unitCostFen: null, amountEntered: false, defective: false } as SlipLine;
const posted = (kind: Slip['kind']) => ({ kind, state: 'posted', lines: [line] }) as unknown as Slip;
const headers = (roles: Role[], kind: Slip['kind']) => slipLineColumns(posted(kind), t, readScopeOf(roles)).map((c) => c.headerName);

describe('columns by read scope', () => {
  it('a dispatch: the driver sees quantities only, sales prices without cost, finance all', () => {
    const money = [t('slip.price'), t('slip.amount'), t('slip.fifoCost')];
    for (const h of money) expect(headers(['shipper', 'driver'], 'dispatch')).not.toContain(h);
    expect(headers(['sales'], 'dispatch')).toEqual(expect.arrayContaining([money[0], money[1]]));
    expect(headers(['sales'], 'dispatch')).not.toContain(money[2]);
    expect(headers(['finance'], 'dispatch')).toEqual(expect.arrayContaining(money));
    expect(headers(['driver'], 'dispatch')).toContain(t('slip.qty'));
  });

  it('an inbound: its costs for the keeper, not for the driver', () => {
    expect(headers(['keeper'], 'inbound')).toEqual(expect.arrayContaining([t('slip.unitCost'), t('slip.amount')]));
    expect(headers(['driver'], 'inbound')).not.toContain(t('slip.unitCost'));
  });

  it('the items grid drops the selling price for whom sees no prices', () => {
    const price = t('item.price');
    expect(itemColumns(t, false, readScopeOf(['driver']).seesPrices).map((c) => c.headerName)).not.toContain(price);
    expect(itemColumns(t, false, readScopeOf(['sales']).seesPrices).map((c) => c.headerName)).toContain(price);
  });
});
