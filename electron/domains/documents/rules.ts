// The rules of documents.* beside the contract's `access`: which roles may have which document,
// which documents are logged prints, and what a print's target and copies must be.

import { DeskError, fail } from '../../../shared/errors';
import { docRoles, FINANCE_DOC_ROLES, SLIP_KIND_ZH, type DocKind, type SlipKind } from '../../../shared/contract';
import { ROLE_ZH, type Role } from '../../../shared/roles';

type FinanceDoc = keyof typeof FINANCE_DOC_ROLES;

export const isFinanceDoc = (doc: DocKind): doc is FinanceDoc => doc in FINANCE_DOC_ROLES;

export function requireDocRole(doc: DocKind, roles: readonly Role[]): void {
  const allowed = docRoles(doc);
  if (!roles.some((r) => allowed.includes(r))) throw new DeskError('forbidden', { method: `documents.render ${doc}`, roles: allowed.map((r) => ROLE_ZH[r]) });
}

/** Cash count sheets and statements are printed from their preview; they have no print log. */
export function requireLoggable(doc: DocKind): void {
  if (isFinanceDoc(doc))
    throw new DeskError('invalid_input', {
      summary_zh: '现金盘点表、客户对账单直接预览打印, 不登记打印记录',
      summary_en: 'cash count sheets and statements are printed from the preview; they are not logged',
    });
}

export function requireNoPrintId(printId: number | undefined): void {
  if (printId != null)
    throw new DeskError('invalid_input', {
      summary_zh: '现金盘点表、客户对账单没有打印记录',
      summary_en: 'cash count sheets and statements have no print log',
    });
}

export function requirePeriod(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new DeskError('invalid_input', { summary_zh: '起始日期晚于截止日期', summary_en: 'from is after to' });
}

export function requireSlipTarget(doc: DocKind, slipId: number | undefined): number {
  if (slipId == null) fail('document_target', { doc, needs: 'slipId', needs_zh: `打印${SLIP_KIND_ZH[doc as SlipKind]}须指定单据` });
  return slipId;
}

export function requireCountTarget(doc: DocKind, countId: number | undefined): number {
  if (countId == null) fail('document_target', { doc, needs: 'countId', needs_zh: '打印盘点表、盘点报告须指定盘点单' });
  return countId;
}

export function requireItemTarget(doc: DocKind, itemId: number | undefined): number {
  if (itemId == null) fail('document_target', { doc, needs: 'itemId', needs_zh: '打印库存明细账须指定商品' });
  return itemId;
}

/** Copies to print: the office's copies for this kind, or the ones asked for (each must be one of them). */
export function chooseCopies(known: string[], asked?: string[]): string[] {
  if (!asked) return known;
  const unknown = asked.filter((c) => !known.includes(c.trim()));
  if (unknown.length) fail('unknown_copy', { copies: unknown, known });
  return known.filter((c) => asked.some((a) => a.trim() === c)); // in the office's order, once each
}

/** The copies (联) of a kind are named once each. */
export function requireDistinctCopyNames(copies: Partial<Record<SlipKind, string[]>>): void {
  for (const v of Object.values(copies)) {
    if (!v) continue;
    const names = v.map((s) => s.trim());
    if (new Set(names).size !== names.length) throw new DeskError('invalid_input', { summary_zh: '各联名称不能重复', summary_en: 'copy names must differ' });
  }
}
