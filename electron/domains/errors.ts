// Refusals every domain raises the same way.

import { DeskError, fail } from '../../shared/errors';

const WHAT = {
  slip: ['slip', '单据'],
  item: ['item', '商品'],
  customer: ['customer', '客户'],
  supplier: ['supplier', '供应商'],
  line: ['slip line', '单据行'],
  user: ['user', '用户'],
  job: ['rendering job', '生成任务'],
  count: ['stock count', '盘点单'],
  countLine: ['count line', '盘点行'],
  repair: ['repair record', '维修记录'],
} as const;

export function notFound(what: keyof typeof WHAT, key: unknown): never {
  fail('not_found', { what: WHAT[what][0], what_zh: WHAT[what][1], key });
}

export function invalid(zh: string, en: string): never {
  throw new DeskError('invalid_input', { summary_zh: zh, summary_en: en });
}
