// The stock card's own words beyond the shared ones (库存明细账: 结存单价, 本年累计, the FIFO
// layers behind a row, how returns are written). Spread at the end of zh.ts / en.ts.

export const cardZh = {
  'card.unit': '单价',
  'card.yearTotal': '{year} 本年累计',
  'card.layer': '└ 批次 #{layer}',
  'card.layers': '逐批明细',
  'card.toStart': '到期初',
  'card.returns': '退货记为',
  'card.returns.redIssue': '红字发出',
  'card.returns.receipt': '收入',
};

export const cardEn: Record<keyof typeof cardZh, string> = {
  'card.unit': 'Unit',
  'card.yearTotal': '{year} year to date',
  'card.layer': '└ layer #{layer}',
  'card.layers': 'FIFO layers',
  'card.toStart': 'To the start',
  'card.returns': 'Returns as',
  'card.returns.redIssue': 'red issue',
  'card.returns.receipt': 'receipt',
};
