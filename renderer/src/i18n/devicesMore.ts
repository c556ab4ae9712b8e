// Devices, second round: GS1 batch / expiry / count on a scan's feedback, the scanner's report
// layout chosen by hand, the receipt printer's live status and the search for printers. Spread at
// the end of zh.ts / en.ts.

export const devicesMoreZh = {
  'dv.expired': '⚠ 已过期 (有效期至 {date})',
  'dv.expiredDispatch': '⚠ 已过期 (有效期至 {date}), 请核对后再发货',
  'dv.scanTimes': '× {n}',
  'dv.countScan': '刚扫描: {code}',
  'dv.layoutOf': '报文格式 ({name})',
  'dv.layout.auto': '自动 (按厂商)',
  'dv.layout.honeywell': '霍尼韦尔式',
  'dv.layout.newland': '新大陆 / 优解式',
  'dv.layoutManual': '(手动)',
  'dv.layoutHint': '扫到的条码缺字或多出 "]E0" 之类字符时, 请为这把扫描枪改选报文格式 (优解等品牌用新大陆式)。本机记住此选择。',
} as const;

export const devicesMoreEn: Record<keyof typeof devicesMoreZh, string> = {
  'dv.expired': '⚠ Expired (expiry {date})',
  'dv.expiredDispatch': '⚠ Expired (expiry {date}): check before dispatching',
  'dv.scanTimes': '× {n}',
  'dv.countScan': 'Last scan: {code}',
  'dv.layoutOf': 'Report layout ({name})',
  'dv.layout.auto': 'Auto (by maker)',
  'dv.layout.honeywell': 'Honeywell',
  'dv.layout.newland': 'Newland / Youjie',
  'dv.layoutManual': '(manual)',
  'dv.layoutHint':
    'If scanned codes lose characters or show extra ones like "]E0", choose this scanner’s report layout (Youjie and similar use Newland’s). This desk remembers it.',
};
