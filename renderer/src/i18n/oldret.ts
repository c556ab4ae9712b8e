// The words of a return without a dispatch in this desk (无原单退货: goods sold before go-live):
// the Returns screen's button and header, the line grid's 单位成本 (the manager's) and 退款单价,
// the mark in the slips list and on the slip. Spread at the end of zh.ts / en.ts like finance.ts.

export const oldretZh = {
  'oldret.start': '无原单退货',
  'oldret.startHint': '上线前售出的货退回: 本系统无原发货单',
  'oldret.title': '无原单退货(上线前销售)',
  'oldret.kind': '退货类别',
  'oldret.mark': '无原单(上线前销售)',
  'oldret.customer': '退货客户',
  'oldret.unitCost': '单位成本(元)',
  'oldret.refundPrice': '退款单价(元)',
  'oldret.costByManager': '单位成本由经理填写或确认(默认: 该商品最近一次入库的单位成本); 经理签字后才能收货过账',
  'oldret.scanPrompt': '扫描退回的商品, 或按 F3 查找商品',
  'oldret.scanHint': '加一行退货',
  'oldret.needCustomer': '请先选择退货客户',
};

export const oldretEn: Record<keyof typeof oldretZh, string> = {
  'oldret.start': 'Return without dispatch',
  'oldret.startHint': 'Goods sold before go-live: no dispatch in this desk',
  'oldret.title': 'Return without dispatch (sold before go-live)',
  'oldret.kind': 'Return type',
  'oldret.mark': 'No dispatch (sold before go-live)',
  'oldret.customer': 'Customer',
  'oldret.unitCost': 'Unit cost (¥)',
  'oldret.refundPrice': 'Refund price (¥)',
  'oldret.costByManager':
    'The manager sets or confirms the unit cost (default: the item’s latest receipt cost); the keeper receives it only once the manager has signed',
  'oldret.scanPrompt': 'Scan the goods coming back, or F3 to find an item',
  'oldret.scanHint': 'add a return line',
  'oldret.needCustomer': 'Choose the customer first',
};
