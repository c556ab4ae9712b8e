// The words of issue #10's opening import slice: the item's storage location (库位), the opening
// import kinds' link from 期初建账, and the opening slip's reversal. Spread into zh.ts / en.ts.

export const openimpZh = {
  'item.location': '库位',
  'item.locationHint': '货架位置, 如 A-03-2',
};

export const openimpEn: Record<keyof typeof openimpZh, string> = {
  'item.location': 'Location',
  'item.locationHint': 'where it sits, e.g. A-03-2',
};
