// The words of inbound lines as HQ writes them (金额 typed instead of the unit cost) and of a
// second delivery under a delivery note number already posted (issue #10). Spread at the end of
// zh.ts / en.ts like financeZh / financeEn.

export const inboundZh = {
  'inb.amountYuan': '金额(元)',
  'inb.secondTitle': '同一随货同行联号第二批到货?',
  'inb.secondText': '该供应商的随货同行联号 {note} 已由 {nos} 过账。如确是同一联号下的第二批到货, 请填写原因后过账; 否则请取消并核对联号。',
  'inb.secondReason': '第二批到货原因',
  'inb.secondPost': '确认第二批, 过账进仓',
};

export const inboundEn: Record<keyof typeof inboundZh, string> = {
  'inb.amountYuan': 'Amount (¥)',
  'inb.secondTitle': 'A second delivery under the same delivery note?',
  'inb.secondText':
    'This supplier’s delivery note no. {note} is already posted on {nos}. If this really is a second delivery under the same note, give the reason and post; otherwise cancel and check the number.',
  'inb.secondReason': 'Reason for the second delivery',
  'inb.secondPost': 'Confirm second delivery and post',
};
