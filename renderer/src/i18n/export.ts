// The words of exporting a whole grid from the core (export.grid). Spread at the end of zh.ts /
// en.ts like importZh / importEn.

export const exportZh = {
  'exp.busy': '正在导出…',
} as const;

export const exportEn: Record<keyof typeof exportZh, string> = {
  'exp.busy': 'Exporting…',
};
