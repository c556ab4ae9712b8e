// The words of importing (导入) and exporting (导出 Excel). Spread at the end of zh.ts / en.ts like
// financeZh / financeEn.

export const importZh = {
  'nav.import': '导入',
  'imp.title': '导入资料',
  'imp.kind': '导入内容',
  'imp.kind.items': '商品',
  'imp.kind.customers': '客户',
  'imp.kind.suppliers': '供应商',
  'imp.file': '选择文件 (XLSX 或 CSV)',
  'imp.template': '下载模板',
  'imp.commit': '导入 {n} 行',
  'imp.row': '行号',
  'imp.problems': '问题',
  'imp.summary': '{file}: 共 {n} 行, 编码 {enc}; 有问题 {bad} 行',
  'imp.allValid': '全部 {n} 行无误, 可以导入',
  'imp.fixFirst': '请在文件里改正标红的单元格后重新选择文件; 有问题时一行也不导入',
  'imp.done': '已导入 {n} 行',
  'imp.none': '请选择导入内容, 下载模板填好后选择文件; 预览无误才能导入',
  'exp.button': '导出 Excel',
  'exp.search': '搜索',
} as const;

export const importEn: Record<keyof typeof importZh, string> = {
  'nav.import': 'Import',
  'imp.title': 'Import data',
  'imp.kind': 'Import',
  'imp.kind.items': 'Items',
  'imp.kind.customers': 'Customers',
  'imp.kind.suppliers': 'Suppliers',
  'imp.file': 'Choose a file (XLSX or CSV)',
  'imp.template': 'Download template',
  'imp.commit': 'Import {n} rows',
  'imp.row': 'Row',
  'imp.problems': 'Problems',
  'imp.summary': '{file}: {n} rows, {enc}; {bad} with problems',
  'imp.allValid': 'All {n} rows are valid and can be imported',
  'imp.fixFirst': 'Fix the cells marked red in the file and choose it again; nothing is imported while a row has a problem',
  'imp.done': '{n} rows imported',
  'imp.none': 'Choose what to import, fill in the template and choose the file; it is imported only when the preview is clean',
  'exp.button': 'Export Excel',
  'exp.search': 'Search',
};
