// The one contract of Branch Desk: every method any door can call (Electron IPC, the browser-mode
// server, the CLI, the tests), with its input and output schema and the roles allowed.
// Method names are `domain.verb`. Types for callers and handlers are inferred from here, and the
// core's handler map must satisfy this map, so nothing can drift.
//
// Each domain's schemas and methods live in shared/schemas/<domain>.ts, built from the blocks in
// shared/schemas/common.ts; this file only merges them into the one map (in this order) and
// re-exports every schema file, so callers import everything from here.

import type { z } from 'zod';
import type { DeskErrorShape } from './errors';
import { officeMethods } from './schemas/office';
import { usersMethods } from './schemas/users';
import { itemsMethods } from './schemas/items';
import { partnersMethods } from './schemas/partners';
import { slipsMethods } from './schemas/slips';
import { stockMethods } from './schemas/stock';
import { systemMethods } from './schemas/system';
import { documentsMethods } from './schemas/documents';
import { cashMethods } from './schemas/cash';
import { receivablesMethods } from './schemas/receivables';
import { expensesMethods } from './schemas/expenses';
import { dayCloseMethods } from './schemas/dayClose';
import { importMethods } from './schemas/import';
import { exportMethods } from './schemas/export';
import { openingMethods } from './schemas/opening';
import { backupsMethods } from './schemas/backups';
import { readsMethods } from './schemas/reads';
import { refundsMethods } from './schemas/refunds';
import { safetyMethods } from './schemas/safety';
import { deliveryCashMethods } from './schemas/deliveryCash';
import { dailyCheckMethods } from './schemas/dailyCheck';
import { receiptsMethods } from './schemas/receipts';
import { attendanceMethods } from './schemas/attendance';
import { reportsMethods } from './schemas/reports';
import { countsMethods } from './schemas/counts';
import { monthReportsMethods } from './schemas/monthReports';
import { monthPackMethods } from './schemas/monthPack';
import { scansMethods } from './schemas/scans';
import { advancesMethods } from './schemas/advances';
import { repairsMethods } from './schemas/repairs';
import { orderPlanMethods } from './schemas/orderPlan';
import { requisitionsMethods } from './schemas/requisitions';

export * from './schemas/common';
export * from './schemas/office';
export * from './schemas/users';
export * from './schemas/items';
export * from './schemas/partners';
export * from './schemas/slips';
export * from './schemas/stock';
export * from './schemas/system';
export * from './schemas/documents';
export * from './schemas/journal';
export * from './schemas/cash';
export * from './schemas/receivables';
export * from './schemas/expenses';
export * from './schemas/dayClose';
export * from './schemas/import';
export * from './schemas/export';
export * from './schemas/opening';
export * from './schemas/backups';
export * from './schemas/reads';
export * from './schemas/refunds';
export * from './schemas/safety';
export * from './schemas/deliveryCash';
export * from './schemas/dailyCheck';
export * from './schemas/receipts';
export * from './schemas/attendance';
export * from './schemas/reports';
export * from './schemas/counts';
export * from './schemas/monthReports';
export * from './schemas/monthPack';
export * from './schemas/scans';
export * from './schemas/advances';
export * from './schemas/repairs';
export * from './schemas/orderPlan';
export * from './schemas/requisitions';

export const contract = {
  ...officeMethods,
  ...usersMethods,
  ...itemsMethods,
  ...partnersMethods,
  ...slipsMethods,
  ...stockMethods,
  ...systemMethods,
  ...documentsMethods,
  ...cashMethods,
  ...receivablesMethods,
  ...expensesMethods,
  ...dayCloseMethods,
  ...importMethods,
  ...exportMethods,
  ...openingMethods,
  ...backupsMethods,
  ...readsMethods,
  ...refundsMethods,
  ...safetyMethods,
  ...deliveryCashMethods,
  ...dailyCheckMethods,
  ...receiptsMethods,
  ...attendanceMethods,
  ...reportsMethods,
  ...countsMethods,
  ...monthReportsMethods,
  ...monthPackMethods,
  ...scansMethods,
  ...advancesMethods,
  ...repairsMethods,
  ...orderPlanMethods,
  ...requisitionsMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

/**
 * Per call, beside the input: the login session token (the `token` auth.login answers with) and
 * an optional client request id (idempotency). Every door and its wire format names them so.
 */
export interface CallMeta {
  sessionToken?: string;
  requestId?: string;
}

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
