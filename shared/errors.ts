// Every error the desk can report, with its message in Chinese (default) and English.
// The core only ever returns errors built from this catalogue, so the renderer, the CLI and
// the tests all see the same codes and texts.

import { formatFen } from './money';

export type ErrorDetails = Record<string, unknown>;

export interface DeskErrorShape {
  code: ErrorCode;
  message_zh: string;
  message_en: string;
  details: ErrorDetails;
}

type Msg = (d: any) => [zh: string, en: string];

const catalogue = {
  unknown_method: (d: { method: string }) => [`未知的操作「${d.method}」`, `Unknown method "${d.method}"`],
  invalid_input: (d: { summary_zh: string; summary_en: string }) => [`输入有误: ${d.summary_zh}`, `Invalid input: ${d.summary_en}`],
  not_logged_in: () => ['请先登录', 'Please log in first'],
  forbidden: (d: { method: string; roles: string[] }) => [
    `当前登录的角色无权执行此操作(需要: ${d.roles.join('、')})`,
    `Your roles may not do this (needs one of: ${d.roles.join(', ')})`,
  ],
  office_not_initialised: () => ['办事处尚未建立, 请先初始化', 'The office has not been set up yet: initialise it first'],
  office_already_initialised: () => ['办事处已经建立, 不能重复初始化', 'The office is already set up'],
  bad_credentials: () => ['用户名或 PIN 不正确', 'Wrong user name or PIN'],
  user_locked: (d: { seconds: number }) => [`PIN 连续输错次数过多, 请 ${d.seconds} 秒后再试`, `Too many wrong PINs: try again in ${d.seconds} seconds`],
  not_found: (d: { what: string; what_zh: string; key: unknown }) => [`找不到${d.what_zh}: ${String(d.key)}`, `No such ${d.what}: ${String(d.key)}`],
  duplicate: (d: { what: string; what_zh: string; key: unknown }) => [`${d.what_zh}「${String(d.key)}」已存在`, `${d.what} "${String(d.key)}" already exists`],
  barcode_taken: (d: { code: string; itemCode: string }) => [
    `条码 ${d.code} 已属于商品 ${d.itemCode}`,
    `Barcode ${d.code} already belongs to item ${d.itemCode}`,
  ],
  slip_not_draft: (d: { no: string; state: string }) => [
    `单据 ${d.no} 不是草稿(当前: ${stateZh(d.state)}), 不能修改`,
    `Slip ${d.no} is not a draft (it is ${d.state}) and cannot be changed`,
  ],
  slip_not_posted: (d: { no: string; state: string }) => [`单据 ${d.no} 尚未过账(当前: ${stateZh(d.state)})`, `Slip ${d.no} is not posted (it is ${d.state})`],
  slip_already_reversed: (d: { no: string; reversalNo: string }) => [
    `单据 ${d.no} 已被红字冲销(${d.reversalNo})`,
    `Slip ${d.no} has already been reversed (${d.reversalNo})`,
  ],
  slip_has_returns: (d: { no: string; returnNos: string[] }) => [
    `发货单 ${d.no} 已有退货单 ${d.returnNos.join('、')}, 请先冲销退货单`,
    `Dispatch ${d.no} has returns ${d.returnNos.join(', ')}: reverse those first`,
  ],
  layers_consumed: (d: { no: string; lines: { itemCode: string }[] }) => [
    `单据 ${d.no} 入库的货已部分出库(${d.lines.map((l) => l.itemCode).join('、')}), 不能冲销`,
    `Goods received on ${d.no} have already been issued in part (${d.lines.map((l) => l.itemCode).join(', ')}); it cannot be reversed`,
  ],
  over_pick: (d: { lines: { itemCode: string; ordered: number; picked: number }[] }) => [
    `拣货数量超过单据数量: ${d.lines.map((l) => `${l.itemCode} 单据 ${l.ordered}, 已拣 ${l.picked}`).join('; ')}`,
    `Picked more than the slip says: ${d.lines.map((l) => `${l.itemCode} ${l.picked} > ${l.ordered}`).join('; ')}`,
  ],
  short_pick_unconfirmed: (d: { lines: { itemCode: string; ordered: number; picked: number }[] }) => [
    `拣货未齐, 请确认短拣后再出库: ${d.lines.map((l) => `${l.itemCode} 单据 ${l.ordered}, 已拣 ${l.picked}`).join('; ')}`,
    `Short pick: confirm it to post: ${d.lines.map((l) => `${l.itemCode} ${l.picked} of ${l.ordered}`).join('; ')}`,
  ],
  nothing_picked: (d: { no: string }) => [`单据 ${d.no} 一件也未拣, 不能出库`, `Nothing has been picked for ${d.no}`],
  defective_not_allowed: (d: { no: string; itemCode: string; why: 'kind' | 'none_received' }) =>
    d.why === 'kind'
      ? [`只有退货单的行可以标记次品: ${d.no} 的 ${d.itemCode}`, `Only a return's lines can be marked defective: ${d.itemCode} on ${d.no}`]
      : [`${d.itemCode} 一件也未收回, 不能标记次品`, `${d.itemCode} has nothing received, so it cannot be marked defective`],
  pick_not_allowed: (d: { no: string }) => [`单据 ${d.no} 按单据数量入库, 不另报拣货数`, `Slip ${d.no} posts its own quantities; no pick list`],
  slip_empty: (d: { no: string }) => [`单据 ${d.no} 没有明细行, 不能过账`, `Slip ${d.no} has no lines and cannot be posted`],
  slip_field_required: (d: { field: string; field_zh: string }) => [`请填写${d.field_zh}`, `${d.field} is required`],
  signature_required: (d: { no: string; missing: string[]; missing_zh: string[] }) => [
    `单据 ${d.no} 缺少签字: ${d.missing_zh.join('、')}`,
    `Slip ${d.no} still needs signatures: ${d.missing.join(', ')}`,
  ],
  signature_order: (d: { needs_zh: string; needs: string }) => [`须先由${d.needs_zh}签字`, `The ${d.needs} must sign first`],
  self_approval_expense: (d: { no: string; user: string }) => [
    `「${d.user}」不能审批自己的报销单 ${d.no}: 请由另一位经理审批`,
    `"${d.user}" cannot approve their own claim ${d.no}: another manager must approve it`,
  ],
  grant_needs_admin: (d: { roles_zh: string; roles: string }) => [`授予${d.roles_zh}须由系统管理员操作`, `Only an administrator may grant ${d.roles}`],
  grant_second_person: (d: { user: string }) => [
    `「${d.user}」不能作为第二人确认: 须是授予人和被授予人以外的管理员或经理`,
    `"${d.user}" cannot confirm: the second person is an administrator or manager other than the one granting and the one receiving`,
  ],
  own_roles: (d: { user: string }) => [
    `「${d.user}」不能修改自己的角色: 请由另一位管理员修改`,
    `"${d.user}" cannot change their own roles: another administrator must`,
  ],
  already_signed: (d: { role_zh: string; role: string }) => [`${d.role_zh}已经签过字`, `Already signed as ${d.role}`],
  self_approval: (d: { user: string; signed_zh: string; signed: string; role_zh: string; role: string }) => [
    `「${d.user}」已以${d.signed_zh}身份签过这张单据, 不能再以${d.role_zh}身份签字 (兼任可以, 自己审批自己不行)`,
    `"${d.user}" already signed this slip as ${d.signed}; the ${d.role} signature must come from someone else`,
  ],
  role_not_held: (d: { user: string; role: string; role_zh: string }) => [
    `「${d.user}」不担任${d.role_zh}, 不能以此身份签字`,
    `"${d.user}" does not hold the role ${d.role} and cannot sign as it`,
  ],
  role_cannot_sign: (d: { role_zh: string; kind_zh: string; role: string; kind: string }) => [
    `${d.kind_zh}不需要${d.role_zh}签字`,
    `A ${d.kind} slip takes no signature from the ${d.role}`,
  ],
  insufficient_stock: (d: { lines: { itemCode: string; itemName: string; needed: number; onHand: number }[] }) => [
    `库存不足, 未过账: ${d.lines.map((l) => `${l.itemCode} ${l.itemName} 需 ${l.needed}, 现存 ${l.onHand}`).join('; ')}`,
    `Not enough stock, nothing posted: ${d.lines.map((l) => `${l.itemCode} needs ${l.needed}, on hand ${l.onHand}`).join('; ')}`,
  ],
  return_exceeds_dispatch: (d: { lines: { itemCode: string; requested: number; returnable: number }[] }) => [
    `退货数量超过可退数量: ${d.lines.map((l) => `${l.itemCode} 退 ${l.requested}, 可退 ${l.returnable}`).join('; ')}`,
    `Return exceeds what can be returned: ${d.lines.map((l) => `${l.itemCode} ${l.requested} > ${l.returnable}`).join('; ')}`,
  ],
  return_line_mismatch: (d: { lineNo: number }) => [`第 ${d.lineNo} 行不属于所退的发货单`, `Line ${d.lineNo} does not belong to the dispatch being returned`],
  wrong_slip_kind: (d: { no: string; expected: string; expected_zh: string }) => [
    `单据 ${d.no} 不是${d.expected_zh}`,
    `Slip ${d.no} is not a ${d.expected} slip`,
  ],
  version_conflict: (d: { no: string }) => [`单据 ${d.no} 已被他人修改, 请刷新后重试`, `Slip ${d.no} was changed by someone else: reload and try again`],
  request_reused: (d: { requestId: string }) => [
    `请求号 ${d.requestId} 已用于另一操作(操作、操作人或内容不同)`,
    `Request id ${d.requestId} was already used for a different call (method, user or input differ)`,
  ],
  db_too_new: (d: { dbVersion: number; appVersion: number }) => [
    `数据库由更新版本的程序写入(库版本 ${d.dbVersion}, 本程序支持 ${d.appVersion}), 请升级程序`,
    `The database was written by a newer version (schema ${d.dbVersion}, this app knows ${d.appVersion}): upgrade the app`,
  ],
  manager_only: (d: { what: string; what_zh: string; field?: string; field_zh?: string; field_en?: string }) => [
    `${d.what_zh}由办事处经理设定`,
    `Only the office manager may set ${d.what}`,
  ],
  last_admin: () => ['不能停用或撤销最后一位系统管理员', 'The last administrator cannot be disabled or lose the role'],
  clock_behind: (d: { date: string; lastPosted: string }) => [
    `电脑日期(${d.date})早于最后过账日期(${d.lastPosted}), 请先校正系统时间`,
    `The computer's date (${d.date}) is before the last posting date (${d.lastPosted}): correct the system clock first`,
  ],
  amount_too_large: () => ['金额超出范围', 'Amount out of range'],
  duplicate_delivery_note: (d: { supplier: string; deliveryNoteNo: string; postedNos: string[]; field: 'deliveryNoteNo' }) => [
    `供应商「${d.supplier}」的随货同行联号 ${d.deliveryNoteNo} 已由进仓单 ${d.postedNos.join('、')} 过账; 如确是同一联号下的第二批到货, 请确认并填写原因`,
    `Supplier "${d.supplier}"'s delivery note no. ${d.deliveryNoteNo} is already posted on ${d.postedNos.join(', ')}: if this is a second delivery under the same note, confirm it and give a reason`,
  ],
  // ---- finance (财务): money, receivables, expenses, close of day
  opening_closed: (d: { firstClosed: string }) => [
    `${d.firstClosed} 已日结, 期初建账已结束: 期初库存、应收和资金不能再录入或更改`,
    `The first day (${d.firstClosed}) is closed: opening balances can no longer be entered`,
  ],
  opening_done: (d: { what_zh: string; what: string }) => [
    `${d.what_zh}已经建账, 不能重复录入`,
    `The opening ${d.what} is already entered and cannot be entered twice`,
  ],
  opening_reversal_closed: (d: { no: string; firstClosed: string }) => [
    `期初入库单 ${d.no} 不能冲销: ${d.firstClosed} 已日结, 期初建账已结束; 库存差异请通过盘点处理`,
    `Opening slip ${d.no} cannot be reversed: the first day (${d.firstClosed}) is closed; correct stock differences with a stock count`,
  ],
  opening_sale_date: (d: { line: number; saleDate: string; businessDate: string }) => [
    `第${d.line}行 原销售日期 ${d.saleDate} 不能晚于建账日 ${d.businessDate}`,
    `Line ${d.line}: the original sale date ${d.saleDate} cannot be after the go-live day ${d.businessDate}`,
  ],
  day_closed: (d: { date: string; lastClosed: string }) => [
    `${d.lastClosed} 及以前的营业日已日结(锁账), 不能再记入 ${d.date}`,
    `Business days up to ${d.lastClosed} are closed (locked): nothing can be posted into ${d.date}`,
  ],
  day_close_order: (d: { date: string; openDays: string[] }) => [
    `请先日结 ${d.openDays.join('、')}, 再日结 ${d.date}`,
    `Close ${d.openDays.join(', ')} before ${d.date}`,
  ],
  day_not_over: (d: { date: string; today: string }) => [
    `${d.date} 尚未到来(今天是 ${d.today}), 不能日结`,
    `${d.date} has not come yet (today is ${d.today}) and cannot be closed`,
  ],
  day_already_closed: (d: { date: string }) => [`${d.date} 已经日结`, `${d.date} is already closed`],
  day_close_needs_manager: (d: { problems_zh: string[]; problems_en: string[] }) => [
    `${d.problems_zh.join('; ')}: 须办事处经理审批(输入 PIN)并填写原因`,
    `${d.problems_en.join('; ')}: the office manager must approve (with the PIN) and a reason must be given`,
  ],
  day_close_reason_required: () => ['账实不符或对账未通过, 请填写原因', 'A reason is required when the count or the checks do not agree'],
  // ---- 反日结 and the suspense account (待处理财产损溢)
  day_not_closed: (d: { date: string }) => [`${d.date} 没有日结, 无需反日结`, `${d.date} is not closed, so there is nothing to reopen`],
  day_reopen_not_latest: (d: { date: string; lastClosed: string }) => [
    `只能反日结最近日结的一天(${d.lastClosed}): 请先反日结 ${d.lastClosed}, 再反日结 ${d.date}`,
    `Only the latest closed day (${d.lastClosed}) can be reopened: reopen ${d.lastClosed} before ${d.date}`,
  ],
  day_reopen_reason_required: () => ['请填写反日结原因', 'Give the reason for reopening the day'],
  day_reopen_difference_decided: (d: { date: string; decision_zh: string }) => [
    `${d.date} 日结的长短款已由经理处理(${d.decision_zh}), 不能反日结`,
    `The over/short of the close of ${d.date} has already been decided by the manager, so the day cannot be reopened`,
  ],
  difference_already_cleared: (d: { date: string }) => [`${d.date} 日结的长短款已处理`, `The over/short of ${d.date} has already been settled`],
  difference_decision_mismatch: (d: { side: string; side_zh: string; decision: string; decision_zh: string }) => [
    `${d.side_zh}不能「${d.decision_zh}」`,
    `An ${d.side === 'over' ? 'overage' : 'shortage'} cannot be settled as ${d.decision}`,
  ],
  difference_memo_required: () => ['请填写处理说明', 'Give a memo for the decision'],
  cash_insufficient: (d: { account_zh: string; account: string; balanceFen: number; neededFen: number }) => [
    `${d.account_zh}余额不足: 余额 ${formatFen(d.balanceFen)} 元, 需付 ${formatFen(d.neededFen)} 元(现金不能为负)`,
    `Not enough in ${d.account}: balance ${formatFen(d.balanceFen)}, needs ${formatFen(d.neededFen)} (cash can never go below zero)`,
  ],
  credit_limit_exceeded: (d: { customer: string; limitFen: number; balanceFen: number; amountFen: number }) =>
    d.limitFen === 0
      ? [
          `客户「${d.customer}」没有赊销额度(现金现货), 本单 ${formatFen(d.amountFen)} 元赊销须办事处经理授权`,
          `Customer "${d.customer}" has no credit (cash on delivery): this credit sale of ${formatFen(d.amountFen)} needs the office manager's override`,
        ]
      : [
          `客户「${d.customer}」信用额度 ${formatFen(d.limitFen)} 元, 现欠 ${formatFen(d.balanceFen)} 元, 本单 ${formatFen(d.amountFen)} 元将超出额度, 须办事处经理授权`,
          `Customer "${d.customer}" would exceed the credit limit of ${formatFen(d.limitFen)} (owes ${formatFen(d.balanceFen)}, this sale ${formatFen(d.amountFen)}): needs the office manager's override`,
        ],
  allocation_exceeds_open: (d: { slipNo: string; openFen: number; amountFen: number }) => [
    `单据 ${d.slipNo} 未收金额 ${formatFen(d.openFen)} 元, 不能核销 ${formatFen(d.amountFen)} 元`,
    `Slip ${d.slipNo} has ${formatFen(d.openFen)} open; ${formatFen(d.amountFen)} cannot be applied to it`,
  ],
  allocation_exceeds_amount: (d: { availableFen: number; allocatedFen: number }) => [
    `核销合计 ${formatFen(d.allocatedFen)} 元超过可用金额 ${formatFen(d.availableFen)} 元`,
    `Allocations of ${formatFen(d.allocatedFen)} exceed the ${formatFen(d.availableFen)} available`,
  ],
  credit_limit_manager_only: (d: { customer: string }) => [
    `只有经理可以设定客户「${d.customer}」的信用额度`,
    `Only the manager sets the credit limit of customer "${d.customer}"`,
  ],
  party_has_history: (d: { what: string; what_zh: string; key: string }) => [
    `${d.what_zh}「${d.key}」已有单据或往来记录，不能删除，请改为停用`,
    `${d.what} "${d.key}" has slips or receivables and cannot be deleted; deactivate it instead`,
  ],
  salesperson_not_sales: (d: { user: string }) => [`「${d.user}」不是在用的业务员`, `"${d.user}" is not an active salesperson`],
  promised_date_past: (d: { promisedDate: string; today: string }) => [
    `承诺付款日 ${d.promisedDate} 早于今天 ${d.today}`,
    `The promised date ${d.promisedDate} is before today ${d.today}`,
  ],
  not_open_receivable: (d: { slipNo: string; customer: string }) => [
    `单据 ${d.slipNo} 不是客户「${d.customer}」的未收赊销单`,
    `Slip ${d.slipNo} is not an open credit sale of customer "${d.customer}"`,
  ],
  nothing_to_apply: (d: { customer: string }) => [
    `客户「${d.customer}」没有可核销的预收款或贷项`,
    `Customer "${d.customer}" has no prepayment or credit to apply`,
  ],
  entry_not_reversible: (d: { voucherNo: string; reason_zh: string; reason_en: string }) => [
    `凭证 ${d.voucherNo} 不能在此冲销: ${d.reason_zh}`,
    `Voucher ${d.voucherNo} cannot be reversed here: ${d.reason_en}`,
  ],
  entry_already_reversed: (d: { voucherNo: string }) => [`凭证 ${d.voucherNo} 已被红字冲销`, `Voucher ${d.voucherNo} has already been reversed`],
  expense_state: (d: { no: string; state_zh: string; state: string; action_zh: string; action: string }) => [
    `报销单 ${d.no} 当前${d.state_zh}, 不能${d.action_zh}`,
    `Expense claim ${d.no} is ${d.state} and cannot be ${d.action}`,
  ],
  unknown_category: (d: { category: string }) => [`没有费用类别「${d.category}」`, `No expense category "${d.category}"`],
  document_void: (d: { no: string }) => [`单据 ${d.no} 已作废, 不能打印`, `Slip ${d.no} is void and cannot be printed`],
  document_changed: (d: { no: string }) => [`单据 ${d.no} 在登记打印后已被修改, 请重新打印`, `Slip ${d.no} changed after the print was logged: print it again`],
  document_target: (d: { doc: string; needs: string; needs_zh: string }) => [d.needs_zh, `Printing a ${d.doc} needs ${d.needs}`],
  unknown_copy: (d: { copies: string[]; known: string[] }) => [
    `没有这一联: ${d.copies.join('、')}(本办事处的联: ${d.known.join('、')})`,
    `No such copy: ${d.copies.join(', ')} (this office prints: ${d.known.join(', ')})`,
  ],
  import_bad_file: (d: { reason_zh: string; reason_en: string }) => [`无法读取导入文件: ${d.reason_zh}`, `The import file cannot be read: ${d.reason_en}`],
  import_has_problems: (d: { rows: number }) => [
    `有 ${d.rows} 行有问题, 全部改正后才能导入(一行也没有导入)`,
    `${d.rows} rows have problems: nothing is imported until every row is valid`,
  ],
  import_needs_signoff: (_d: { field: 'signoff' }) => [
    '期初库存导入即过账为期初入库单, 须办事处经理签字(PIN)',
    'Importing the opening stock posts the opening slip: the office manager must sign it (PIN)',
  ],
  backup_folder_unusable: (d: { field: 'folder'; folder: string; problem_zh: string; problem_en: string }) => [
    `备份文件夹不可用: ${d.folder} (${d.problem_zh})`,
    `The backup folder cannot be used: ${d.folder} (${d.problem_en})`,
  ],
  backup_not_configured: () => ['尚未设置备份文件夹(系统 › 备份)', 'No backup folder is set (System › Backups)'],
  backup_failed: (d: { message_zh: string; message_en: string }) => [`备份失败: ${d.message_zh}`, `The backup failed: ${d.message_en}`],
  backup_file_missing: (d: { field: 'file'; file: string }) => [`备份文件夹中没有这个备份: ${d.file}`, `No such backup in the folder: ${d.file}`],
  restore_refused: (d: { field: 'file'; file: string; problems: string[] }) => [
    `备份 ${d.file} 未通过检查, 没有恢复: ${d.problems.join('; ')}`,
    `The backup ${d.file} did not pass the checks and was not restored: ${d.problems.join('; ')}`,
  ],
  restore_failed: (d: { message_zh: string; message_en: string }) => [`恢复失败: ${d.message_zh}`, `The restore failed: ${d.message_en}`],
  out_of_reach: (d: { what: 'slip' | 'customer'; what_zh: string; key: unknown }) => [
    `无权查看此${d.what_zh}(${String(d.key)}): 只能查看本人负责的客户或本人承运的单据`,
    `You may not read this ${d.what} (${String(d.key)}): only your own customers or the slips you carry`,
  ],
  refund_not_pending: (d: { slipNo: string; state: string; state_zh: string; voucherNo: string | null }) => [
    `${d.slipNo} 的退款${d.state_zh}${d.voucherNo ? `(${d.voucherNo})` : ''}, 不能再确认付款`,
    `The refund of ${d.slipNo} is ${d.state}${d.voucherNo ? ` (${d.voucherNo})` : ''}: it cannot be paid again`,
  ],
  carrier_not_allowed: (d: { field: 'carrierId'; carrierId: number; name: string | null }) => [
    `承运人只能是在用的司机或储运员: ${d.name ?? `#${d.carrierId}`} 不是`,
    `The carrier must be an active driver or shipper: ${d.name ?? `#${d.carrierId}`} is not`,
  ],
  carrier_slip_refused: (d: { field: 'slipId'; no: string; why: 'kind' | 'void' }) =>
    d.why === 'void'
      ? [`${d.no} 已作废, 不能指定承运人`, `${d.no} is void: it has no carrier`]
      : [`只有进仓单、发货单和退货单有承运人: ${d.no} 不是`, `Only inbound, dispatch and return slips have a carrier: ${d.no} is none of them`],
  safety_not_pending: (d: { field: 'proposalId'; item: string; state_zh: string; state: string }) => [
    `${d.item} 的安全库存提议${d.state_zh}, 不能再审批`,
    `The safety stock proposal for ${d.item} is ${d.state}: it cannot be decided again`,
  ],
  safety_own_proposal: (d: { field: 'manager'; user: string; item: string }) => [
    `「${d.user}」不能审批自己提出的 ${d.item} 安全库存: 请由另一位经理审批`,
    `"${d.user}" cannot decide their own safety stock proposal for ${d.item}: another manager must`,
  ],
  delivery_cash_not_pending: (d: { field: 'deliveryCashId'; slipNo: string; state: string; state_zh: string }) => [
    `${d.slipNo} 的送货收款${d.state_zh}, 不能再交回`,
    `The delivery cash of ${d.slipNo} is ${d.state}: it cannot be handed over again`,
  ],
  delivery_cash_wrong_carrier: (d: { field: 'carrier'; slipNo: string; carrier: string | null; user: string }) =>
    d.carrier
      ? [`${d.slipNo} 的货款由承运人 ${d.carrier} 交回, 不是 ${d.user}`, `The money of ${d.slipNo} is handed over by its carrier ${d.carrier}, not ${d.user}`]
      : [`${d.slipNo} 没有指定承运人: 请先在单据上指定承运人`, `${d.slipNo} has no carrier: name the carrier on the slip first`],
  cod_needs_carrier: (d: { field: 'carrierId'; no: string }) => [
    `${d.no} 是送货收款的发货单, 过账前须指定承运人(由他收款并交回)`,
    `${d.no} is collected on delivery: name its carrier (who collects and hands the money over) before posting`,
  ],
  cod_cash_only: (d: { field: 'collectByCarrier'; no: string }) => [
    `${d.no}: 只有现金结算的发货单可以送货收款(承运人代收)`,
    `${d.no}: only a dispatch paid in cash can be collected on delivery by the carrier`,
  ],
  attendance_double: (d: { user: string; kind: 'in' | 'out'; kind_zh: string; day: string; time: string }) => [
    `「${d.user}」${d.day} 已${d.kind_zh}(${d.time}), 每天只能${d.kind_zh}一次`,
    `"${d.user}" already signed ${d.kind} on ${d.day} (${d.time}): once a day`,
  ],
  attendance_no_sign_in: (d: { user: string; day: string }) => [
    `「${d.user}」${d.day} 还没有签到, 不能签退`,
    `"${d.user}" has not signed in on ${d.day}: sign in before signing out`,
  ],
  attendance_hours: (_d: { field: string }) => [
    '上下班时间须依次为: 上午上班 < 上午下班 ≤ 下午上班 < 下午下班',
    'The working hours must be in order: morning start < morning end ≤ afternoon start < afternoon end',
  ],
  attendance_out_of_reach: (d: { user: string }) => [
    `无权查看「${d.user}」的考勤: 只有经理和财务主管可以查看他人的考勤`,
    `You may not read the attendance of "${d.user}": only the manager and the finance supervisor read other people's`,
  ],
  leave_no_workdays: (d: { field: 'to'; from: string; to: string }) => [
    `${d.from} 至 ${d.to} 没有工作日, 不需要请假`,
    `${d.from} to ${d.to} holds no working day: no leave is needed`,
  ],
  leave_too_long: (d: { field: 'to'; from: string; to: string; maxDays: number }) => [
    `${d.from} 至 ${d.to} 超过 ${d.maxDays} 天: 请分次请假`,
    `${d.from} to ${d.to} is longer than ${d.maxDays} days: ask in parts`,
  ],
  leave_overlaps: (d: { field: 'from'; from: string; to: string }) => [
    `与已提交的请假(${d.from} 至 ${d.to})重叠`,
    `It overlaps leave already asked for (${d.from} to ${d.to})`,
  ],
  leave_not_pending: (d: { state: string; state_zh: string }) => [
    `该请假申请${d.state_zh}, 不能再审批`,
    `The leave request is ${d.state}: it cannot be decided again`,
  ],
  leave_needs_hq: (d: { field: 'hqRef'; days: number; user: string }) => [
    `「${d.user}」请假 ${d.days} 天: 两天及以上须由总部分管副总批准, 请填写总部批复文号`,
    `"${d.user}" asks for ${d.days} days: two days or more are approved by HQ's deputy GM; enter HQ's reference`,
  ],
  leave_self_approval: (d: { field: 'hqRef'; user: string }) => [
    `「${d.user}」不能批准自己的请假: 请填写总部批复文号`,
    `"${d.user}" cannot approve their own leave: enter HQ's reference`,
  ],
  daily_check_done: (d: { date: string; user: string; at: string }) => [
    `${d.date} 的每日对账已由 ${d.user} 确认, 不能重复确认`,
    `The daily check of ${d.date} was already confirmed by ${d.user}`,
  ],
  daily_check_item: (d: { field: string; line: number; date: string }) => [
    `第${d.line}项: 这个商品 ${d.date} 没有出入库, 或重复填写, 不在今天的对账表上`,
    `Item ${d.line}: this item did not move on ${d.date}, or is given twice: it is not on today's check`,
  ],
  internal: (d: { message: string }) => [`内部错误: ${d.message}`, `Internal error: ${d.message}`],
  // ---- the rpc envelope (electron/rpc/envelope.ts): the same refusal from every door
  bad_json: (d: { reason: string }) => [`请求内容不是有效的 JSON (${d.reason})`, `The request is not valid JSON (${d.reason})`],
  too_large: (d: { limitBytes: number }) => [`请求内容过大(上限 ${bytes(d.limitBytes)})`, `The request is too large (limit ${bytes(d.limitBytes)})`],
  bad_request: (d: { field: string; problem_zh: string; problem_en: string }) => [`请求格式有误: ${d.problem_zh}`, `Malformed request: ${d.problem_en}`],
  // ---- the office's secrets kept out of the database (ledger/officeSecrets.ts, store/vault.ts)
  office_key_missing: () => [
    '本机没有办事处签章密钥: 请导入密钥备份, 或由经理生成新密钥(旧密钥签过的单据仍可核验)',
    "This PC does not hold the office's signing key: import the key backup, or have the manager make a new key (papers signed with the old key still verify)",
  ],
  pin_secret_missing: () => [
    '本机没有 PIN 密钥, 无法核对 PIN: 请导入密钥备份, 或由管理员在本机用 reset-pin 重设 PIN',
    'This PC does not hold the PIN secret, so no PIN can be checked: import the key backup, or have the administrator reset PINs on this PC (reset-pin)',
  ],
  pin_length: (d: { field: string; field_zh: string; field_en: string; digits: 4 | 6 }) => [
    d.digits === 6 ? `${d.field_zh}: 须为 6 位数字` : `${d.field_zh}: 须为 4 至 6 位数字`,
    d.digits === 6 ? `${d.field_en}: must be 6 digits` : `${d.field_en}: must be 4 to 6 digits`,
  ],
  key_backup_unreadable: () => ['这不是办事处的密钥备份文件', 'This is not a Branch Desk key backup file'],
  key_backup_wrong_password: (_d: { field: 'password' }) => [
    '密钥备份口令不正确(或文件已损坏), 未导入任何内容',
    'Wrong key backup password (or the file is damaged): nothing was imported',
  ],
  key_backup_foreign: () => [
    '这个密钥备份不是本办事处的(密钥和 PIN 密钥都对不上), 未导入任何内容',
    "This key backup is not this office's (neither its keys nor its PIN secret match): nothing was imported",
  ],
  receipt_no_printer: (d: { desk: string }) => [
    `本台「${d.desk}」还没有选择小票打印机: 请在 打印设置 › 小票打印机 中为本台选择一台`,
    `No receipt printer is chosen for the desk "${d.desk}": choose one under Print settings › Receipt printers`,
  ],
  printer_inactive: (d: { printer: string }) => [`小票打印机「${d.printer}」已停用`, `The receipt printer "${d.printer}" is retired`],
  printer_address_invalid: (d: { transport: string; address: string }) => [
    `打印机地址「${d.address}」不对: ${PRINTER_ADDRESS_ZH[d.transport] ?? ''}`,
    `The printer address "${d.address}" is not right: ${PRINTER_ADDRESS_EN[d.transport] ?? ''}`,
  ],
  not_a_receipt: (d: { voucherNo: string }) => [
    `凭证 ${d.voucherNo} 不是一笔收款(或已冲销), 不能打印收款收据`,
    `Voucher ${d.voucherNo} is not money received (or it was reversed): no cash receipt for it`,
  ],
  printer_failed: (d: { printer: string; reason: string; detail: string }) => {
    const [zh, en] = PRINTER_FAILURE_TEXT[d.reason] ?? PRINTER_FAILURE_TEXT.unreachable;
    return [
      `小票打印机「${d.printer}」${zh}${d.reason === 'refused' ? `: ${d.detail}` : ''}。账已记好, 不受影响; 处理后点「重试」。`,
      `Receipt printer "${d.printer}": ${en}${d.reason === 'refused' ? `: ${d.detail}` : ''}. The books are not affected; fix it and press Retry.`,
    ];
  },
  // stock counts (盘点, counts.*)
  count_not_open: (d: { no: string; state: string }) => [
    `盘点单 ${d.no} ${COUNT_STATE_ZH[d.state] ?? d.state}, 不能再录入`,
    `Count ${d.no} is ${d.state}: no more entries`,
  ],
  count_not_approvable: (d: { no: string; state: string }) => [
    `盘点单 ${d.no} ${COUNT_STATE_ZH[d.state] ?? d.state}, 不能审批或修改`,
    `Count ${d.no} is ${d.state}: it cannot be approved or changed`,
  ],
  count_not_posted: (d: { no: string; state: string }) => [
    `盘点单 ${d.no} ${COUNT_STATE_ZH[d.state] ?? d.state}, 只有已过账的盘点单可以冲销`,
    `Count ${d.no} is ${d.state}: only a posted count can be reversed`,
  ],
  count_problems: (d: { no: string; problems: { itemCode: string; problem: string }[] }) => [
    `盘点单 ${d.no} 还不能过账: ${d.problems.map((p) => `${p.itemCode} ${COUNT_PROBLEM_ZH[p.problem] ?? p.problem}`).join('; ')}`,
    `Count ${d.no} cannot post yet: ${d.problems.map((p) => `${p.itemCode} ${COUNT_PROBLEM_EN[p.problem] ?? p.problem}`).join('; ')}`,
  ],
  count_blind_open: (d: { no: string }) => [
    `盘点单 ${d.no} 是盲盘, 盘点完成后才能看差异表`,
    `Count ${d.no} is blind: its variance shows once counting is done`,
  ],
  count_empty: () => ['所选范围内没有要盘点的商品', 'Nothing to count in that selection'],
  count_code_unknown: (d: { code: string }) => [`条码 ${d.code} 不属于任何商品`, `Barcode ${d.code} belongs to no item`],
  count_recount_same_person: (d: { itemCode: string }) => [
    `${d.itemCode}: 复核须由未参与初盘的人进行`,
    `${d.itemCode}: the recount must be made by someone who did not count the line`,
  ],
  count_line_not_counted: (d: { itemCode: string }) => [`${d.itemCode}: 尚未初盘, 不能复核`, `${d.itemCode}: not counted yet, nothing to recount`],
  // stock adjustments outside a count (报损单, 退回总部: issue #12)
  adjustment_exceeds_stock: (d: {
    kind_zh: string;
    kind: string;
    field: 'qty';
    field_zh: '数量';
    field_en: 'quantity';
    lines: { lineNo: number; itemCode: string; itemName: string; qty: number; onHand: number }[];
  }) => [
    `${d.kind_zh}的数量超过现存, 未写入: ${d.lines.map((l) => `第${l.lineNo}行 数量: ${l.itemCode} ${l.itemName} ${l.qty}, 现存 ${l.onHand}`).join('; ')}`,
    `The ${d.kind} takes more than is on hand, nothing written: ${d.lines.map((l) => `line ${l.lineNo} quantity: ${l.itemCode} ${l.qty}, on hand ${l.onHand}`).join('; ')}`,
  ],
  defective_not_dispatchable: (d: { lines: { itemCode: string; itemName: string; needed: number; saleable: number; defective: number }[] }) => [
    `次品不能发货, 未过账: ${d.lines.map((l) => `${l.itemCode} ${l.itemName} 需 ${l.needed}, 可售 ${l.saleable}, 次品 ${l.defective}`).join('; ')}`,
    `Defective goods are not dispatched, nothing posted: ${d.lines.map((l) => `${l.itemCode} needs ${l.needed}, saleable ${l.saleable}, defective ${l.defective}`).join('; ')}`,
  ],
  writeoff_cause_required: (d: { lineNo: number; field: 'cause' | 'memo'; field_zh: string; field_en: string }) => [
    d.field === 'cause' ? `第${d.lineNo}行 ${d.field_zh}: 请选择报损原因` : `第${d.lineNo}行 ${d.field_zh}: 原因为「其他」时请写明`,
    d.field === 'cause' ? `Line ${d.lineNo} ${d.field_en}: choose why the goods are written off` : `Line ${d.lineNo} ${d.field_en}: say what "other" is`,
  ],
  hq_return_source: (d: { no: string; why: 'kind' | 'state' | 'supplier' | 'reversed' }) => [
    {
      kind: `原进仓单 ${d.no} 不是进仓单`,
      state: `原进仓单 ${d.no} 尚未过账`,
      supplier: `原进仓单 ${d.no} 的供应商与退回总部单不一致`,
      reversed: `原进仓单 ${d.no} 已冲销`,
    }[d.why],
    {
      kind: `Original inbound ${d.no} is not an inbound slip`,
      state: `Original inbound ${d.no} is not posted`,
      supplier: `Original inbound ${d.no} has another supplier than this return to HQ`,
      reversed: `Original inbound ${d.no} has been reversed`,
    }[d.why],
  ],
  month_locked: (d: { month: string; date: string }) => [
    `${d.month} 月报已签署，本月已锁定；更正请在下月做红字冲销(不能记入 ${d.date})`,
    `The month pack of ${d.month} is signed and the month is locked; make a correction as a reversal in the next month (nothing can be booked into ${d.date})`,
  ],
  month_pack_blocked: (d: { month: string; problems: { message_zh: string; message_en: string }[] }) => [
    `${d.month} 月报还不能签署: ${d.problems.map((p) => p.message_zh).join('; ')}`,
    `The month pack of ${d.month} cannot be signed yet: ${d.problems.map((p) => p.message_en).join('; ')}`,
  ],
  month_pack_signed: (d: { month: string; by: string; at: string }) => [
    `${d.month} 月报已由 ${d.by} 于 ${d.at} 签署, 不能再签`,
    `The month pack of ${d.month} was signed by ${d.by} at ${d.at}; it is signed once`,
  ],
  month_pack_not_signed: (d: { month: string }) => [`${d.month} 月报尚未签署`, `The month pack of ${d.month} is not signed yet`],
  // scans (scans.read): a GS1 element string that does not read
  scan_gs1_bad: (d: { code: string; problem: 'unreadable' | 'check_digit' | 'bad_date' | 'bad_count'; detail: string }) => [
    `GS1 条码 ${d.code} ${{ unreadable: '无法解读', check_digit: '的 GTIN 校验位不对', bad_date: '的有效期不是日期', bad_count: '的数量不对' }[d.problem]} (${d.detail}), 本次扫描未采用`,
    `GS1 barcode ${d.code}: ${{ unreadable: 'cannot be read', check_digit: 'the GTIN check digit is wrong', bad_date: 'the expiry is no date', bad_count: 'the count is wrong' }[d.problem]} (${d.detail}); the scan was not used`,
  ],
  advance_not_open: (d: { field: 'advanceId'; no: string; state: string; state_zh: string }) => [
    `借支 ${d.no} ${d.state_zh}, 不能再核销`,
    `Advance ${d.no} is ${d.state}: nothing is left to settle`,
  ],
  advance_over_open: (d: { field: 'amountFen'; no: string; openFen: number; amountFen: number }) => [
    `借支 ${d.no} 只剩 ${(d.openFen / 100).toFixed(2)} 元未核销, 不能退回 ${(d.amountFen / 100).toFixed(2)} 元`,
    `Advance ${d.no} has only ${(d.openFen / 100).toFixed(2)} open: ${(d.amountFen / 100).toFixed(2)} cannot be returned against it`,
  ],
  advance_claim_person: (d: { field: 'claimId'; no: string; claimNo: string; person: string; claimant: string }) => [
    `报销单 ${d.claimNo} 是「${d.claimant}」的, 不能核销「${d.person}」的借支 ${d.no}`,
    `Claim ${d.claimNo} is ${d.claimant}'s: it cannot settle ${d.person}'s advance ${d.no}`,
  ],
  advance_self_approval: (d: { field: 'manager'; user: string }) => [
    `「${d.user}」不能审批自己的借支: 请由另一位经理审批`,
    `"${d.user}" cannot approve an advance to themselves: another manager must`,
  ],
  advance_has_settlements: (d: { field: 'advanceId'; no: string }) => [
    `借支 ${d.no} 已有核销记录: 请先冲销核销, 再冲销借支`,
    `Advance ${d.no} has settlements standing: reverse them before the advance`,
  ],
  advance_settlement_reversed: (d: { field: 'settlementId'; no: string }) => [
    `借支 ${d.no} 的这笔核销已冲销或本身是红字`,
    `This settlement of advance ${d.no} is already reversed or is itself a red row`,
  ],
  advance_person_inactive: (d: { field: 'personId'; name: string }) => [
    `「${d.name}」已停用, 不能借支`,
    `"${d.name}" is no longer active: no advance can be paid to them`,
  ],
  // repair records on defective stock (维修记录, issue #12)
  repair_exceeds_defective: (d: {
    itemCode: string;
    itemName: string;
    qty: number;
    defective: number;
    pending: number;
    field: 'qty';
    field_zh: '数量';
    field_en: 'quantity';
  }) => [
    `数量: ${d.itemCode} ${d.itemName} 维修 ${d.qty}, 可维修的次品只有 ${Math.max(0, d.defective - d.pending)} (次品 ${d.defective}, 已在报损/退总草稿中 ${d.pending}), 未写入`,
    `Quantity: ${d.itemCode} repair of ${d.qty}, only ${Math.max(0, d.defective - d.pending)} defective units can be repaired (defective ${d.defective}, on draft write-offs / returns to HQ ${d.pending}); nothing written`,
  ],
  repair_slip: (d: { no: string }) => [
    `${d.no} 是维修单, 不能冲销: 请另做维修记录或报损`,
    `${d.no} is a repair slip and is not reversed: record another repair or a write-off`,
  ],
  order_plan_signed: (d: { field: 'planId'; planId: number }) => [
    `订货规划 #${d.planId} 已由经理签字, 不能再修改`,
    `Order plan #${d.planId} is signed by the manager: it cannot be changed`,
  ],
  order_plan_unsigned: (d: { field: 'planId'; planId: number }) => [
    `订货规划 #${d.planId} 尚未经经理签字, 不能据此要货`,
    `Order plan #${d.planId} is not signed by the manager yet: no requisition can be made from it`,
  ],
  order_plan_empty: (d: { field: 'planId'; planId: number }) => [
    `订货规划 #${d.planId} 没有订货数量大于 0 的商品`,
    `Order plan #${d.planId} has no item with a quantity to order`,
  ],
  requisition_state: (d: { field: 'requisitionId'; no: string; state: string; state_zh: string; wanted_zh: string; wanted: string }) => [
    `要货单 ${d.no} ${d.state_zh}, 只有${d.wanted_zh}的要货单可以这样做`,
    `Requisition ${d.no} is ${d.state}: only a ${d.wanted} requisition can`,
  ],
  requisition_received: (d: { field: 'requisitionId'; no: string; received: number }) => [
    `要货单 ${d.no} 已收到 ${d.received} 件, 不能取消: 请用「短收结案」`,
    `Requisition ${d.no} has ${d.received} units received: it cannot be cancelled, close it short instead`,
  ],
  requisition_no_lines: (_d: { field: 'lines' }) => [`要货单至少要有一行`, `A requisition needs at least one line`],
  requisition_item_twice: (d: { field: 'lines'; lineNo: number; itemCode: string }) => [
    `第${d.lineNo}行 商品: ${d.itemCode} 在要货单上已有一行`,
    `Line ${d.lineNo} item: ${d.itemCode} is already on the requisition`,
  ],
  requisition_not_open: (d: { field: 'requisitionId'; no: string; state: string; state_zh: string }) => [
    `要货单 ${d.no} ${d.state_zh}, 进仓单不能再关联它`,
    `Requisition ${d.no} is ${d.state}: an inbound slip cannot be received against it`,
  ],
} satisfies Record<string, Msg>;

/** What a printer address looks like, per transport (printer_address_invalid). */
const PRINTER_ADDRESS_ZH: Record<string, string> = {
  tcp: '网络打印机填 IP 地址或主机名, 可带端口, 如 192.168.1.87 或 192.168.1.87:9100',
  file: '设备文件填 /dev/ 下的路径, 如 /dev/usb/lp0, 或 Windows 串口 COM3',
  hid: 'HID 打印机填设备路径(设备列表中的 path)',
  queue: '打印队列填系统中的队列名, 如 POS58',
};
const PRINTER_ADDRESS_EN: Record<string, string> = {
  tcp: 'a network printer takes an IP address or host name, with a port if not 9100, e.g. 192.168.1.87 or 192.168.1.87:9100',
  file: 'a device file is a path under /dev/, e.g. /dev/usb/lp0, or a Windows serial port such as COM3',
  hid: 'a HID printer takes its device path (the path in the device list)',
  queue: 'a print queue takes the name the system knows it by, e.g. POS58',
};

/** Why a receipt did not print, by the transport's reason (electron/devices/printers/errors.ts). */
const PRINTER_FAILURE_TEXT: Record<string, [zh: string, en: string]> = {
  unreachable: [
    '连接不上: 请检查打印机是否开机、网线或 Wi-Fi 是否连好、IP 地址是否正确',
    'cannot be reached: check that it is on, its cable or Wi-Fi, and its IP address',
  ],
  timeout: ['没有响应(超时): 请检查打印机是否开机、是否卡纸', 'did not answer in time: check that it is on and not jammed'],
  offline: ['处于离线状态(上盖打开或出错): 请合上上盖、排除故障', 'is offline (cover open or an error): close the cover and clear the error'],
  paper_out: ['缺纸: 请装好纸卷', 'is out of paper: load a new roll'],
  not_found: ['找不到: 请检查 USB 线是否插好、设备路径或地址是否正确', 'was not found: check the USB cable and the device path or address'],
  permission: [
    '没有使用权限: Linux 上请把当前用户加入 lp 组(sudo usermod -aG lp 用户名)或添加 udev 规则, 重新登录系统',
    'may not be used by this user: on Linux add the user to the lp group (sudo usermod -aG lp <user>) or add a udev rule, then log in again',
  ],
  busy: ['正被其他程序占用: 请稍后', 'is in use by another program: wait a moment'],
  unsupported: [
    '的连接方式在这台电脑上不可用(Windows 没有 raw 打印队列): 请改用 TCP 9100',
    'uses a connection this computer does not have (no raw print queue on Windows): use TCP 9100',
  ],
  refused: ['的打印队列拒绝了任务', 'was refused by the print queue'],
};

const COUNT_STATE_ZH: Record<string, string> = { open: '盘点中', counted: '已盘完', posted: '已过账', reversed: '已冲销' };
const COUNT_PROBLEM_ZH: Record<string, string> = {
  notCounted: '未盘',
  noCause: '有差异未填原因',
  noCauseText: '原因为「其他」须说明',
  noRecount: '有差异须复核',
  noCost: '盘盈无成本, 请经理定成本',
  shortOnHand: '盘亏超过现有库存',
};
const COUNT_PROBLEM_EN: Record<string, string> = {
  notCounted: 'not counted',
  noCause: 'difference without a cause',
  noCauseText: 'cause "other" needs a text',
  noRecount: 'difference needs a recount',
  noCost: 'gain without a cost: the manager sets one',
  shortOnHand: 'loss larger than the stock on hand',
};

export type ErrorCode = keyof typeof catalogue;
export type DetailsOf<C extends ErrorCode> = Parameters<(typeof catalogue)[C]>[0];
/** Every code the desk can answer with (the catalogue's keys): tests hold refusals to it. */
export const ERROR_CODES = Object.keys(catalogue) as ErrorCode[];

/** 1048576 → "1 MB", 4096 → "4 KB", 100 → "100 B" */
function bytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} B`;
}

/** A slip's state as the desk says it (草稿, 已过账, 已作废). */
export const SLIP_STATE_ZH: Record<string, string> = { draft: '草稿', posted: '已过账', void: '已作废' };
function stateZh(s: string): string {
  return SLIP_STATE_ZH[s] ?? s;
}

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly message_zh: string;
  readonly message_en: string;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    const [zh, en] = (catalogue[code] as Msg)(details);
    super(en);
    this.code = code;
    this.message_zh = zh;
    this.message_en = en;
    this.details = details;
  }
  toJSON(): DeskErrorShape {
    return { code: this.code, message_zh: this.message_zh, message_en: this.message_en, details: this.details };
  }
}

/** Throw a catalogued error; typed so each code takes its own details. */
export function fail<C extends ErrorCode>(code: C, ...details: DetailsOf<C> extends undefined ? [] : [DetailsOf<C>]): never {
  throw new DeskError(code, (details[0] ?? {}) as ErrorDetails);
}

export function isDeskError(e: unknown): e is DeskError {
  return e instanceof DeskError;
}
