// The words of 账本核对 (system.verify) on the 日结 screen: the books' invariants, each posted slip
// against its posted hash, and the audit chain against its close-of-day anchors. Spread at the end
// of zh.ts / en.ts like financeZh / financeEn. How far the chain is anchored comes from the core in
// both languages (VerifyReport.anchors.summary_zh / summary_en).

export const anchorsZh = {
  'vf.title': '账本核对',
  'vf.run': '核对账本',
  'vf.running': '正在核对…',
  'vf.hint': '核对库存、资金、应收、已过账单据(过账哈希与签名)和审计链; 审计链按日结时签名的锚点核对。',
  'vf.ok': '账本核对通过, 未发现问题 (单据 {slips} 张 · 审计记录 {rows} 行)',
  'vf.failed': '账本核对未通过: 发现 {n} 个问题',
  'vf.note': '注意',
  'vf.check': '检查项',
  'vf.problem': '问题',
} as const;

export const anchorsEn: Record<keyof typeof anchorsZh, string> = {
  'vf.title': 'Verify the books',
  'vf.run': 'Verify',
  'vf.running': 'Verifying…',
  'vf.hint':
    'Checks stock, money, receivables, posted slips (posted hash and signatures) and the audit chain, against the anchors signed at each close of day.',
  'vf.ok': 'Books verified: no problems found ({slips} slips · {rows} audit rows)',
  'vf.failed': 'Verification FAILED: {n} problem(s) found',
  'vf.note': 'Note',
  'vf.check': 'Check',
  'vf.problem': 'Problem',
};
