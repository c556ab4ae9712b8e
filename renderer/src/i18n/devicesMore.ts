// Devices, second round: GS1 batch / expiry / count on a scan's feedback, the scanner's report
// layout chosen by hand, the receipt printer's live status and the search for printers. Spread at
// the end of zh.ts / en.ts.

export const devicesMoreZh = {
  'dv.expired': '⚠ 已过期 (有效期至 {date})',
  'dv.expiredDispatch': '⚠ 已过期 (有效期至 {date}), 请核对后再发货',
  'dv.scanTimes': '× {n}',
  'dv.countScan': '刚扫描: {code}',
} as const;

export const devicesMoreEn: Record<keyof typeof devicesMoreZh, string> = {
  'dv.expired': '⚠ Expired (expiry {date})',
  'dv.expiredDispatch': '⚠ Expired (expiry {date}): check before dispatching',
  'dv.scanTimes': '× {n}',
  'dv.countScan': 'Last scan: {code}',
};
