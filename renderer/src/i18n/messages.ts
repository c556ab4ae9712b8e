// Words of the messages work (issue #9 "say the right thing at the right time"): line messages,
// stock above what is on hand, the sign dialog's checks, printing where the manager signs, the
// progress of a long document, the items screen's rights. Spread at the end of zh.ts / en.ts.

export const msgsZh = {
  'msg.overOnHand': '第 {line} 行 {item}: 数量 {qty} 超过库存 {onHand}',
  'msg.overOnHandTitle': '以下各行数量超过现有库存:',
  'msg.qtyVsOnHand': '数量 {qty} / 库存 {onHand}',
  'msg.needPayment': '请先选择结算方式, 再签字',
  'msg.maxReturnable': '最多可退 {n}',
  'msg.previewLogged': '已在新标签页打开(记为预览)。在该页打印(Ctrl+P)后, 请点「已打印」',
  'msg.printedBtn': '已打印',
  'msg.notPrinted': '未送打印, 只记为预览',
  'msg.kind': '类型',
  'msg.unknownBarcodeAsk': '条码 {code} 尚未登记。新建商品由{roles}办理',
  'msg.scanHintFind': '扫码查找商品(新建商品由{roles}办理)',
  'msg.rendering': '正在生成 · {title}',
  'msg.renderPage': '正在生成 {title} … 第 {page} / {pages} 页',
  'msg.renderCancelled': '已取消生成',
  'msg.signedText': '签字已齐, 可打印交库管员备货:',
  'msg.kind.preview': '预览',
  'msg.kind.printed': '打印',
};

export const msgsEn: Record<keyof typeof msgsZh, string> = {
  'msg.overOnHand': 'Line {line} {item}: quantity {qty} is above the {onHand} on hand',
  'msg.overOnHandTitle': 'These lines ask for more than is on hand:',
  'msg.qtyVsOnHand': 'qty {qty} / on hand {onHand}',
  'msg.needPayment': 'Choose the payment (结算方式) before signing',
  'msg.maxReturnable': 'at most {n} may come back',
  'msg.previewLogged': 'Opened in a new tab (logged as a preview). Print it there (Ctrl+P), then press “Printed”',
  'msg.printedBtn': 'Printed',
  'msg.notPrinted': 'Not sent to the printer: logged as a preview only',
  'msg.kind': 'Kind',
  'msg.unknownBarcodeAsk': 'Barcode {code} is not registered. Items are created by the {roles}',
  'msg.scanHintFind': 'find an item (items are created by the {roles})',
  'msg.rendering': 'Rendering · {title}',
  'msg.renderPage': 'Rendering {title} … page {page} of {pages}',
  'msg.renderCancelled': 'Rendering cancelled',
  'msg.signedText': 'Fully signed: print it for the keeper:',
  'msg.kind.preview': 'Preview',
  'msg.kind.printed': 'Print',
};
