// Words of the messages work (issue #9 "say the right thing at the right time"): line messages,
// stock above what is on hand, the sign dialog's checks, printing where the manager signs, the
// progress of a long document, the items screen's rights. Spread at the end of zh.ts / en.ts.

export const msgsZh = {
  'msg.overOnHand': '第 {line} 行 {item}: 数量 {qty} 超过库存 {onHand}',
  'msg.overOnHandTitle': '以下各行数量超过现有库存:',
  'msg.qtyVsOnHand': '数量 {qty} / 库存 {onHand}',
  'msg.needPayment': '请先选择结算方式, 再签字',
  'msg.maxReturnable': '最多可退 {n}',
};

export const msgsEn: Record<keyof typeof msgsZh, string> = {
  'msg.overOnHand': 'Line {line} {item}: quantity {qty} is above the {onHand} on hand',
  'msg.overOnHandTitle': 'These lines ask for more than is on hand:',
  'msg.qtyVsOnHand': 'qty {qty} / on hand {onHand}',
  'msg.needPayment': 'Choose the payment (结算方式) before signing',
  'msg.maxReturnable': 'at most {n} may come back',
};
