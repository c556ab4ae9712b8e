// What the slip view shows and allows, from the slip and who is looking: pure, no React.

import type { ColDef } from 'ag-grid-community';
import { isAdjustmentKind, isCreatableKind, shownUnitCostFen, type Slip, type SlipLine } from '../../../../shared/contract';
import { unitFen } from '../../../../shared/money';
import { moneyCol, qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';
import type { SessionApi } from '../../session';
import { seesSlipAmounts, type ReadScope } from '../../../../shared/readScope';

/** Unit cost (inbound, opening, a costed reversal) or price, and the line's amount. */
function amountColumns(s: Slip, t: I18n['t'], sign: number): ColDef<SlipLine>[] {
  const costed = s.kind === 'inbound' || s.kind === 'opening' || (s.kind === 'reversal' && s.lines.some((l) => l.unitCostFen !== null || l.amountEntered));
  // a write-off's or return to HQ's amount is the FIFO cost it left at (posted; none on a draft)
  const adjustUnit = (l: SlipLine) => (l.amountFen != null && s.state === 'posted' ? unitFen(l.amountFen, l.qty) : null);
  const unit = isAdjustmentKind(s.kind)
    ? moneyCol<SlipLine>({ colId: 'unitCostFen', headerName: t('slip.unitCost'), width: 96, valueGetter: (x) => (x.data ? adjustUnit(x.data) : null) })
    : costed
      ? moneyCol<SlipLine>({ colId: 'unitCostFen', headerName: t('slip.unitCost'), width: 96, valueGetter: (x) => (x.data ? shownUnitCostFen(x.data) : null) })
      : moneyCol<SlipLine>({ field: 'priceFen', headerName: t('slip.price'), width: 96 });
  const amount = moneyCol<SlipLine>({
    colId: 'amount',
    headerName: t('slip.amount'),
    width: 110,
    valueGetter: (x) => (x.data?.amountFen != null ? x.data.amountFen * sign : null),
  });
  return [unit, amount];
}

export interface SlipAbilities {
  canEdit: boolean;
  canSign: boolean;
  canPick: boolean;
  canVoid: boolean;
  canReverse: boolean;
  canReturn: boolean;
}

/** What may be done with the slip now: edit / sign / pick / void a draft, reverse a posted slip, a return from a dispatch. */
export function slipAbilities(s: Slip | null, session: SessionApi): SlipAbilities {
  const isDraft = s?.state === 'draft';
  const creatable = s && isCreatableKind(s.kind) ? s.kind : null;
  const returnable = !!s && s.kind === 'dispatch' && s.state === 'posted' && !s.reversedBy && s.lines.some((l) => (l.returnableQty ?? 0) > 0);
  return {
    canEdit: !!creatable && isDraft && session.canCreate(creatable),
    canSign: !!s && isDraft && s.missingSignatures.length > 0,
    // 报损单 / 退回总部 are posted from their editor, not picked
    canPick: !!s && isDraft && session.can('slips.post') && s.missingSignatures.length === 0 && !isAdjustmentKind(s.kind),
    canVoid: !!creatable && isDraft && session.canCreate(creatable),
    // the opening slip is the manager's to reverse (before the first close: the core says so after it)
    canReverse:
      !!s &&
      s.state === 'posted' &&
      s.kind !== 'reversal' &&
      s.kind !== 'count' &&
      !s.reversedBy &&
      session.can('slips.reverse') &&
      (s.kind !== 'opening' || session.has('manager')),
    canReturn: returnable && session.canCreate('return'),
  };
}

/** The lines' columns: a reversal shows its figures negative; posted slips show what really went;
 *  prices, amounts and costs only for whom the read scope shows them (the core sends them null). */
export function slipLineColumns(s: Slip, t: I18n['t'], scope: ReadScope): ColDef<SlipLine>[] {
  const posted = s.state === 'posted';
  const sign = s.kind === 'reversal' ? -1 : 1;
  const c: ColDef<SlipLine>[] = [
    { field: 'lineNo', headerName: '#', width: 48, cellClass: 'muted' },
    { field: 'itemCode', headerName: t('item.code'), width: 100 },
    { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 160, tooltipField: 'itemName' },
    { field: 'spec', headerName: t('item.spec'), width: 112, tooltipField: 'spec' },
    { field: 'unit', headerName: t('item.unit'), width: 56 },
    qtyCol<SlipLine>({ colId: 'qty', headerName: t('slip.qty'), width: 72, valueGetter: (x) => (x.data ? x.data.qty * sign : null) }),
  ];
  if (posted && (s.kind === 'dispatch' || s.kind === 'return'))
    c.push(
      qtyCol<SlipLine>({
        colId: 'shipped',
        headerName: s.kind === 'dispatch' ? t('slip.shippedQty') : t('ret.received'),
        width: 80,
        valueGetter: (x) => x.data?.shippedQty ?? null,
      }),
    );
  if (seesSlipAmounts(scope, s.kind)) c.push(...amountColumns(s, t, sign));
  if (posted && s.kind === 'dispatch' && scope.seesCosts) c.push(moneyCol<SlipLine>({ field: 'costFen', headerName: t('slip.fifoCost'), width: 100 }));
  if (posted && s.kind === 'dispatch') c.push(qtyCol<SlipLine>({ field: 'returnableQty', headerName: t('ret.returnable'), width: 100 }));
  // a return the keeper received with defective goods (次品)
  if (s.lines.some((l) => l.defective))
    c.push({
      colId: 'defective',
      headerName: t('recv.quality'),
      width: 72,
      valueGetter: (x) => (x.data?.defective ? t('recv.defective') : ''),
      cellClass: 'neg-amount',
    });
  if (s.lines.some((l) => l.cause))
    c.push({ colId: 'cause', headerName: t('adj.cause'), width: 84, valueGetter: (x) => (x.data?.cause ? t(`adj.cause.${x.data.cause}`) : '') });
  c.push({ field: 'memo', headerName: t('slip.memo'), flex: 1, minWidth: 80 });
  return c;
}
