// 保密制度 on a slip's answer: the amounts a reader may not see are sent as null (the screen shows
// "—"), never as 0 — selling prices and a sale's amounts without `seesPrices`, FIFO costs without
// `seesCosts`, an inbound's and the opening stock's amounts (costs) without `seesCosts`.

import type { Slip, SlipLine, SlipSummary } from '../../../shared/contract';
import { seesSlipAmounts, type ReadScope } from '../../../shared/readScope';

function shownLine(l: SlipLine, amounts: boolean, s: ReadScope): SlipLine {
  return {
    ...l,
    priceFen: amounts ? l.priceFen : null,
    amountFen: amounts ? l.amountFen : null,
    unitCostFen: amounts && s.seesCosts ? l.unitCostFen : null,
    costFen: s.seesCosts ? l.costFen : null,
  };
}

export function shownSlip(slip: Slip, s: ReadScope): Slip {
  const amounts = seesSlipAmounts(s, slip.kind);
  if (amounts && s.seesCosts) return slip;
  return { ...slip, totalAmountFen: amounts ? slip.totalAmountFen : null, lines: slip.lines.map((l) => shownLine(l, amounts, s)) };
}

export function shownSummary<T extends Pick<SlipSummary, 'kind' | 'totalAmountFen'>>(row: T, s: ReadScope): T {
  return seesSlipAmounts(s, row.kind) ? row : { ...row, totalAmountFen: null };
}
