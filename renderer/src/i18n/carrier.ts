// 承运人: who carries a slip's goods (slips.setCarrier). Spread at the end of zh.ts / en.ts.

export const carrierZh = {
  'carrier.label': '承运人',
  'carrier.none': '— 无 (客户自提) —',
  'carrier.saved': '{no} 的承运人: {name}',
  'carrier.noneSaved': '{no} 不再指定承运人',
  'carrier.hint': '司机或储运员; 指定后他只能看到自己承运的单据',
};

export const carrierEn: Record<keyof typeof carrierZh, string> = {
  'carrier.label': 'Carrier',
  'carrier.none': '— none (customer fetches) —',
  'carrier.saved': 'Carrier of {no}: {name}',
  'carrier.noneSaved': '{no} has no carrier now',
  'carrier.hint': 'A driver or shipper; they see only the slips they carry',
};
