// Sample data for the receipt layouts (electron/devices/receipt/layouts.ts): the builder's
// snapshots, the preview images and the bench use the same receipts.

import { cashReceiptDoc, countVarianceDoc, dayCloseDoc, dispatchTicketDoc, testPageDoc, type ReceiptHead } from '../../electron/devices/receipt/layouts';
import type { ReceiptDoc, ReceiptWidth } from '../../electron/devices/receipt/doc';

export const HEAD: ReceiptHead = { officeName: '华东营销中心杭州办事处', printNo: 1, printedAt: '2026-12-07 10:32', printedBy: '王芳' };
export const QR = `BD1|FH202612070001|${'ab'.repeat(32)}|${'A'.repeat(86)}`;

export function sampleReceipts(width: ReceiptWidth, head: ReceiptHead = HEAD): Record<string, ReceiptDoc> {
  return {
    cash: cashReceiptDoc(width, head, {
      voucherNo: '现收202612070003',
      date: '2026-12-07',
      payer: '杭州西湖百货有限公司',
      cause: '回款',
      account: '微信收款',
      amountFen: 1234550,
      receivedBy: '王芳',
      memo: '十一月货款 ¥12,345.50',
    }),
    ticket: dispatchTicketDoc(width, head, {
      slipNo: 'FH202612070001',
      date: '2026-12-07',
      customer: '杭州西湖百货有限公司',
      state: '已过账',
      lines: [
        { name: '特级龙井茶 250g 礼盒装(新包装)', qty: 12, unit: '盒', amountFen: 358800 },
        { name: 'A4 复印纸', qty: 5, unit: '箱', amountFen: 62500 },
      ],
      totalFen: 421300,
      qrPayload: QR,
    }),
    dayClose: dayCloseDoc(width, head, {
      date: '2026-12-07',
      closedAt: '2026-12-07 17:45',
      closedBy: '王芳',
      expectedCashFen: 523400,
      countedCashFen: 523300,
      differenceFen: -100,
      result: 'short',
      channels: [{ name: '微信收款', expectedFen: 1234550, confirmedFen: 1234550 }],
      dispatchCount: 6,
      salesFen: 2890000,
      returnsCount: 1,
      returnsFen: 12000,
      collectionsCount: 2,
      collectionsFen: 1500000,
      expensesCount: 1,
      expensesFen: 8600,
      stockClosingFen: 98765400,
      signers: '财务 王芳 · 统计 李明',
      reopened: false,
    }),
    countVariance: countVarianceDoc(width, head, {
      no: 'PD202612070001',
      date: '2026-12-07',
      state: '已过账',
      scope: '周盘: 库位 A-01',
      lineCount: 10,
      lines: [
        { code: 'CZ-8801', name: '抛光砖 雅典米白', diffQty: -2, diffFen: -10400, cause: '破碎' },
        { code: 'WY-4001', name: '地漏 防臭', diffQty: 3, diffFen: 5550, cause: '未入账' },
      ],
      gainQty: 3,
      gainFen: 5550,
      lossQty: 2,
      lossFen: 10400,
      approvedBy: '张伟',
    }),
    test: testPageDoc(width, head, { name: '前台小票机', transport: 'TCP 9100', address: '192.168.1.87:9100' }),
  };
}
