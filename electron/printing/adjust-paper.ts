// The paper of the two slips that take goods out without a sale (issue #12): 报损单 (write-off, each
// line with its cause) and 退回总部单 (return to HQ, naming HQ's delivery note and the inbound slip).
// Both leave at FIFO cost: the unit cost and amount columns are the cost each line left at, blank
// until the slip is posted (a draft's cost is not known yet). Pure, like slip-doc.ts.

import { WRITEOFF_CAUSE_ZH, type Slip, type SlipLine } from '../../shared/contract';
import { unitFen } from '../../shared/money';
import type { Pair } from './finance-form';
import { money, qty } from './format';
import type { SignBox } from './signatures';
import type { Col } from './slip-page';

const posted = (slip: Slip) => slip.state === 'posted';

function costCell(slip: Slip, fen: (l: SlipLine) => number | null): Col['cell'] {
  return (l, s) => {
    const v = posted(slip) ? fen(l) : null;
    return v == null ? '' : money(s * v);
  };
}

export function adjustmentColumns(slip: Slip): Col[] {
  const cols: Col[] = [
    { title: '序号', width: 20, align: 'center', cell: (l) => String(l.lineNo) },
    { title: '编码', width: 54, align: 'left', cell: (l) => l.itemCode },
    { title: '名称', width: '*', align: 'left', cell: (l) => l.itemName },
    { title: '规格', width: 70, align: 'left', cell: (l) => l.spec },
    { title: '单位', width: 28, align: 'center', cell: (l) => l.unit },
    { title: '数量', width: 40, align: 'right', cell: (l, s) => qty(s * l.qty) },
  ];
  if (slip.kind === 'writeoff' || slip.lines.some((l) => l.cause))
    cols.push({ title: '报损原因', width: 70, align: 'left', cell: (l) => (l.cause ? `${WRITEOFF_CAUSE_ZH[l.cause]}${l.memo ? ` ${l.memo}` : ''}` : '') });
  cols.push(
    { title: '成本单价(元)', width: 54, align: 'right', cell: costCell(slip, (l) => (l.amountFen == null ? null : unitFen(l.amountFen, l.qty))) },
    { title: '成本金额(元)', width: 68, align: 'right', cell: costCell(slip, (l) => l.amountFen) },
  );
  return cols;
}

export function adjustmentInfo(slip: Slip, party: { name: string; address: string; phone: string }, date: string): [Pair[], Pair[]] {
  const state = slip.reversedBy ? `已冲销 ${slip.reversedBy.no}` : posted(slip) ? '已过账 · 已出库' : '草稿(成本过账时按先进先出计)';
  if (slip.kind === 'writeoff')
    return [
      [
        ['摘要', '报损出库(先进先出成本)', true],
        ['日期', date],
      ],
      [
        ['品种', `${slip.lines.length} 种`],
        ['状态', state],
      ],
    ];
  return [
    [
      ['退回', party.name || (slip.supplierName ?? ''), true],
      ['原送货单号', slip.deliveryNoteNo ?? ''],
      ['日期', date],
    ],
    [
      ['原进仓单', slip.sourceSlipNo ?? ''],
      ['品种', `${slip.lines.length} 种`],
      ['状态', state],
    ],
  ];
}

export function adjustmentSignBoxes(slip: Slip, made: SignBox, manager: SignBox, keeper: SignBox): SignBox[] {
  return slip.kind === 'writeoff' ? [made, manager, keeper, { label: '财务' }] : [made, manager, keeper, { label: '承运人' }, { label: '总部收货' }];
}
