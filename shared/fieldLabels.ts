// What each input field of the contract is called on screen, in Chinese and English: the core's
// field errors (electron/core/fieldErrors.ts) name a field with these words, never with its
// schema path. Looked up by method and path ("items.create:code"), then by path ("lines[].qty",
// indices as []), then by the field's own name. tests/shared/field-labels.test.ts walks every
// method's input schema and fails when a field has no label here.

export type Label = readonly [zh: string, en: string];

const DENOMINATIONS: Record<string, Label> = {
  '10': ['1角', '¥0.10'],
  '50': ['5角', '¥0.50'],
  '100': ['1元', '¥1'],
  '500': ['5元', '¥5'],
  '1000': ['10元', '¥10'],
  '2000': ['20元', '¥20'],
  '5000': ['50元', '¥50'],
  '10000': ['100元', '¥100'],
};

const countLabels = Object.fromEntries(Object.entries(DENOMINATIONS).map(([k, [zh, en]]) => [`counts.${k}`, [`${zh} 张数`, `${en} notes`] as Label]));

/** By field name: the word a field has wherever it appears. */
const BY_NAME: Record<string, Label> = {
  name: ['名称', 'name'],
  shortName: ['简称', 'short name'],
  timezone: ['时区', 'timezone'],
  admin: ['管理员', 'administrator'],
  user: ['用户', 'user'],
  pin: ['PIN 密码', 'PIN'],
  title: ['职务', 'title'],
  roles: ['角色', 'roles'],
  role: ['签字身份', 'signing as'],
  userId: ['用户', 'user'],
  active: ['在用', 'active'],
  pngBase64: ['签名图片', 'signature image'],
  /** not an input field: the call's client request id (CallMeta), refused in the same words */
  requestId: ['请求编号', 'request id'],
  code: ['编码', 'code'],
  spec: ['规格', 'spec'],
  unit: ['单位', 'unit'],
  safetyStock: ['安全库存', 'safety stock'],
  location: ['库位', 'storage location'],
  priceFen: ['单价', 'price'],
  barcodes: ['条码', 'barcodes'],
  itemId: ['商品', 'item'],
  itemIds: ['商品', 'items'],
  packQty: ['每箱数量', 'pack quantity'],
  query: ['查找', 'search'],
  includeInactive: ['含停用', 'include disabled'],
  limit: ['每页条数', 'page size'],
  offset: ['起始位置', 'offset'],
  kind: ['类型', 'kind'],
  contact: ['联系人', 'contact'],
  phone: ['电话', 'phone'],
  address: ['地址', 'address'],
  hqName: ['上级公司/总部', 'HQ'],
  defaultPrinter: ['默认打印机', 'default printer'],
  creditLimitFen: ['信用额度', 'credit limit'],
  paymentTermsDays: ['账期(天)', 'payment terms (days)'],
  salespersonId: ['业务员', 'salesperson'],
  notes: ['备注', 'notes'],
  contacted: ['联系对象', 'person reached'],
  promisedDate: ['承诺付款日', 'promised date'],
  dueBy: ['到期截至', 'due by'],
  customerId: ['客户', 'customer'],
  customerIds: ['客户', 'customers'],
  supplierId: ['供应商', 'supplier'],
  deliveryNoteNo: ['随货同行联号', 'delivery note no.'],
  paymentMode: ['结算方式', 'payment'],
  sourceSlipId: ['原发货单', 'original dispatch'],
  preGoLive: ['无原单退货', 'return without a dispatch'],
  memo: ['备注', 'memo'],
  lines: ['明细行', 'lines'],
  slipId: ['单据', 'slip'],
  version: ['版本', 'version'],
  creditOverride: ['经理放行', 'manager’s override'],
  picked: ['拣货数', 'picked quantities'],
  confirmShort: ['确认短拣', 'confirm short pick'],
  secondDelivery: ['同联号第二批到货', 'second delivery under the same note'],
  reason: ['原因', 'reason'],
  no: ['单号', 'slip no.'],
  state: ['状态', 'state'],
  from: ['起始日期', 'from'],
  to: ['截止日期', 'to'],
  cursor: ['翻页位置', 'page position'],
  belowSafetyOnly: ['只看低于安全库存', 'below safety stock only'],
  doc: ['单据类型', 'document'],
  paper: ['纸张', 'paper'],
  copies: ['联数', 'copies'],
  date: ['日期', 'date'],
  printId: ['打印记录', 'print record'],
  jobId: ['生成任务', 'rendering job'],
  payload: ['二维码内容', 'QR code'],
  account: ['账户', 'account'],
  cause: ['事由', 'cause'],
  contraKind: ['对方类型', 'counterpart kind'],
  amountFen: ['金额', 'amount'],
  entryId: ['凭证', 'entry'],
  allocations: ['核销', 'allocations'],
  asOf: ['截至日期', 'as of'],
  buckets: ['账龄分段', 'aging buckets'],
  includeSettled: ['含已结清', 'include settled'],
  nameEn: ['英文名称', 'English name'],
  category: ['费用类别', 'category'],
  attachments: ['附件张数', 'attachments'],
  summary: ['摘要', 'summary'],
  grid: ['表格', 'grid'],
  filters: ['筛选条件', 'filters'],
  claimantId: ['报销人', 'claimant'],
  expenseId: ['费用单', 'expense claim'],
  manager: ['经理', 'manager'],
  month: ['月份', 'month'],
  counts: ['点钞', 'cash count'],
  channels: ['电子收款', 'electronic receipts'],
  differenceReason: ['差异原因', 'reason for the difference'],
  managerApproval: ['经理审批', 'manager’s approval'],
  finance: ['财务主管', 'finance supervisor'],
  statistician: ['统计员', 'statistician'],
  pinLength: ['PIN 位数', 'PIN digits'],
  password: ['密钥备份口令', 'key backup password'],
  sealedSecrets: ['密钥备份文件', 'key backup file'],
  refundId: ['退款', 'refund'],
};

/** By path (indices as []): a field whose word depends on where it sits. */
const BY_PATH: Record<string, Label> = {
  'admin.name': ['管理员姓名', 'administrator’s name'],
  'admin.pin': ['管理员 PIN', 'administrator’s PIN'],
  'barcodes[].code': ['条码号', 'code'],
  'barcodes[].packQty': ['每箱数量', 'pack quantity'],
  'lines[].itemId': ['商品', 'item'],
  'lines[].qty': ['数量', 'quantity'],
  'lines[].unitCostFen': ['单位成本', 'unit cost'],
  'lines[].priceFen': ['单价', 'price'],
  'lines[].amountFen': ['金额', 'amount'],
  'secondDelivery.reason': ['第二批到货原因', 'reason for the second delivery'],
  'lines[].sourceLineId': ['原发货行', 'dispatch line'],
  'lines[].memo': ['备注', 'memo'],
  'lines[].cause': ['报损原因', 'cause'],
  'lines[].defective': ['次品', 'defective'],
  'picked[].lineId': ['单据行', 'slip line'],
  'picked[].qty': ['拣货数', 'picked quantity'],
  'picked[].defective': ['次品', 'defective'],
  'allocations[].slipId': ['单据', 'slip'],
  'allocations[].amountFen': ['核销金额', 'amount'],
  'creditOverride.user': ['放行经理', 'approving manager'],
  'creditOverride.pin': ['经理 PIN', 'manager’s PIN'],
  'manager.user': ['审批经理', 'approving manager'],
  'manager.pin': ['经理 PIN', 'manager’s PIN'],
  signoff: ['经理签字', 'manager’s signature'],
  'signoff.user': ['签字经理', 'signing manager'],
  'signoff.pin': ['经理 PIN', 'manager’s PIN'],
  'managerApproval.user': ['审批经理', 'approving manager'],
  'managerApproval.pin': ['经理 PIN', 'manager’s PIN'],
  'secondPin.user': ['第二人确认', 'second person'],
  'secondPin.pin': ['第二人 PIN', 'second person’s PIN'],
  secondPin: ['第二人确认', 'second person’s PIN'],
  'finance.user': ['财务主管', 'finance supervisor'],
  'finance.pin': ['财务主管 PIN', 'finance supervisor’s PIN'],
  'statistician.user': ['统计员', 'statistician'],
  'statistician.pin': ['统计员 PIN', 'statistician’s PIN'],
  'copies.dispatch': ['发货单联数', 'dispatch copies'],
  'copies.inbound': ['进仓单联数', 'inbound copies'],
  'copies.return': ['退货单联数', 'return copies'],
  'copies.reversal': ['红字冲销单联数', 'reversal copies'],
  'channels.wechat': ['微信', 'WeChat'],
  'channels.alipay': ['支付宝', 'Alipay'],
  'channels.bank': ['银行', 'bank'],
  ...countLabels,
};

/** By method and path: the same name means another thing in this method. */
const BY_METHOD: Record<string, Label> = {
  'office.init:name': ['办事处名称', 'office name'],
  'office.update:name': ['办事处名称', 'office name'],
  'users.create:name': ['姓名', 'name'],
  'users.update:name': ['姓名', 'name'],
  'auth.login:user': ['用户', 'user'],
  'slips.sign:user': ['签字人', 'signer'],
  'items.create:code': ['商品编码', 'item code'],
  'import.preview:fileName': ['导入文件', 'import file'],
  'import.preview:fileBase64': ['导入文件', 'import file'],
  'import.commit:fileName': ['导入文件', 'import file'],
  'import.commit:rows': ['导入行', 'import rows'],
  'import.commit:rows[].rowNo': ['行号', 'row number'],
  'import.commit:rows[].cells': ['导入行内容', 'row cells'],
  'export.xlsx:filters': ['筛选条件', 'filters'],
  'export.xlsx:filters[].label': ['筛选项', 'filter'],
  'export.xlsx:filters[].value': ['筛选值', 'filter value'],
  'export.xlsx:columns': ['导出列', 'export columns'],
  'export.xlsx:columns[].header': ['列标题', 'column header'],
  'export.xlsx:columns[].format': ['列格式', 'column format'],
  'export.xlsx:rows': ['导出行', 'export rows'],
  'items.create:name': ['品名', 'item name'],
  'items.update:name': ['品名', 'item name'],
  'items.linkBarcode:code': ['条码', 'barcode'],
  'items.findByBarcode:code': ['条码', 'barcode'],
  'customers.create:code': ['客户编码', 'customer code'],
  'customers.create:name': ['客户名称', 'customer name'],
  'customers.update:name': ['客户名称', 'customer name'],
  'customers.create:kind': ['客户类别', 'customer kind'],
  'customers.update:kind': ['客户类别', 'customer kind'],
  'suppliers.create:code': ['供应商编码', 'supplier code'],
  'suppliers.create:name': ['供应商名称', 'supplier name'],
  'suppliers.update:name': ['供应商名称', 'supplier name'],
  'suppliers.create:kind': ['供应商类别', 'supplier kind'],
  'suppliers.update:kind': ['供应商类别', 'supplier kind'],
  'slips.create:kind': ['单据类型', 'slip kind'],
  'slips.list:kind': ['单据类型', 'slip kind'],
  'slips.reverse:reason': ['冲销原因', 'reason for the reversal'],
  'slips.void:reason': ['作废原因', 'reason for voiding'],
  'expenses.void:reason': ['作废原因', 'reason for voiding'],
  'cash.reverse:reason': ['冲销原因', 'reason for the reversal'],
  'expenses.addCategory:name': ['类别名称', 'category name'],
  'slips.post:picked': ['拣货数', 'picked quantities'],
  'office.setReturnsOnCard:returnsOnCard': ['退货记为', 'returns on the card'],
  'stock.card:direction': ['翻页方向', 'direction'],
  'dayClose.reopen:reason': ['反日结原因', 'reason for reopening'],
  'dayClose.settleDifference:differenceId': ['待处理差异', 'difference'],
  'dayClose.settleDifference:decision': ['处理方式', 'decision'],
  'dayClose.settleDifference:memo': ['处理说明', 'note'],
  'opening.postStock:lines[].amountFen': ['期初金额', 'opening amount'],
  'opening.addReceivables:lines[].customerId': ['客户', 'customer'],
  'opening.addReceivables:lines[].saleDate': ['原销售日期', 'original sale date'],
  'opening.addReceivables:lines[].docRef': ['原单号', 'original document'],
  'opening.addReceivables:lines[].amountFen': ['应收金额', 'amount owed'],
  'opening.setCash:lines[].account': ['资金账户', 'money account'],
  'opening.setCash:lines[].amountFen': ['期初余额', 'opening balance'],
  'receivables.chase:note': ['催收记录', 'what was said'],
  'backups.setSettings:folder': ['备份文件夹', 'backup folder'],
  'backups.setSettings:dailyTime': ['每日备份时间', 'daily backup time'],
  'backups.restore:file': ['备份文件', 'backup file'],
};

/** The word for one element of an array, by the array's name: 第4行 / line 4. */
const ROW: Record<string, (n: number) => Label> = {
  lines: (n) => [`第${n}行`, `line ${n}`],
  picked: (n) => [`第${n}行`, `line ${n}`],
  allocations: (n) => [`第${n}笔核销`, `allocation ${n}`],
  barcodes: (n) => [`第${n}个条码`, `barcode ${n}`],
};

export type PathSegment = string | number;

/** The path as the tables key it: indices as [] ("lines[].qty"). */
export function pathKey(path: readonly PathSegment[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? '[]' : i === 0 ? s : `.${s}`))
    .join('')
    .replace(/\.\[\]/g, '[]');
}

function ownLabel(method: string, key: string): Label | null {
  const last = key.replace(/\[\]/g, '').split('.').pop() ?? '';
  return BY_METHOD[`${method}:${key}`] ?? BY_PATH[key] ?? BY_NAME[last] ?? null;
}

/**
 * What the screen calls the field at `path` of `method`'s input: "第4行 数量" / "line 4 quantity".
 * null when the tables have no word for it (the field-label test keeps that from happening).
 */
export function fieldLabel(method: string, path: readonly PathSegment[]): { zh: string; en: string } | null {
  if (path.length === 0) return { zh: '输入', en: 'input' };
  const named = path.filter((s) => typeof s === 'string');
  if (named.length === 0) return null;
  const own = ownLabel(method, pathKey(path));
  if (!own) return null;
  // each index names its element ("第4行"): the array's own name is then not repeated
  const rows: Label[] = [];
  path.forEach((s, i) => {
    if (typeof s !== 'number') return;
    const arr = path[i - 1];
    const row = typeof arr === 'string' ? ROW[arr] : undefined;
    const fallback: Label = [`第${s + 1}项`, `no. ${s + 1}`];
    rows.push(row ? row(s + 1) : fallback);
  });
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  // an element itself ("第4行"); of an array without row words, after the array's name ("商品 第3项")
  const parts: Label[] = typeof last !== 'number' ? [...rows, own] : typeof before === 'string' && ROW[before] ? rows : [own, ...rows];
  return { zh: parts.map((p) => p[0]).join(' '), en: parts.map((p) => p[1]).join(' ') };
}
