// Every domain's handlers, merged into the one map the core dispatches on. `satisfies Handlers`
// fails the build when a method of the contract has no handler.

import type { Handlers } from './context';
import { cashHandlers } from './cash/handlers';
import { dayCloseHandlers } from './dayClose/handlers';
import { documentsHandlers } from './documents/handlers';
import { expensesHandlers } from './expenses/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { itemsHandlers } from './items/handlers';
import { officeHandlers } from './office/handlers';
import { partnersHandlers } from './partners/handlers';
import { receivablesHandlers } from './receivables/handlers';
import { slipsHandlers } from './slips/handlers';
import { stockHandlers } from './stock/handlers';
import { systemHandlers } from './system/handlers';
import { usersHandlers } from './users/handlers';
import { openingHandlers } from './opening/handlers';
import { backupsHandlers } from './backups/handlers';
import { readsHandlers } from './reads/handlers';
import { refundsHandlers } from './refunds/handlers';
import { safetyHandlers } from './safety/handlers';
import { deliveryCashHandlers } from './deliveryCash/handlers';
import { dailyCheckHandlers } from './dailyCheck/handlers';
import { receiptsHandlers } from './receipts/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { reportsHandlers } from './reports/handlers';
import { countsHandlers } from './counts/handlers';
import { monthReportsHandlers } from './monthReports/handlers';
import { monthPackHandlers } from './monthPack/handlers';
import { scansHandlers } from './scans/handlers';
import { advancesHandlers } from './advances/handlers';
import { repairsHandlers } from './repairs/handlers';
import { orderPlanHandlers } from './orderPlan/handlers';
import { requisitionsHandlers } from './requisitions/handlers';

export const handlers = {
  ...officeHandlers,
  ...usersHandlers,
  ...itemsHandlers,
  ...partnersHandlers,
  ...slipsHandlers,
  ...stockHandlers,
  ...systemHandlers,
  ...documentsHandlers,
  ...cashHandlers,
  ...receivablesHandlers,
  ...expensesHandlers,
  ...dayCloseHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...openingHandlers,
  ...backupsHandlers,
  ...readsHandlers,
  ...refundsHandlers,
  ...safetyHandlers,
  ...deliveryCashHandlers,
  ...dailyCheckHandlers,
  ...receiptsHandlers,
  ...attendanceHandlers,
  ...reportsHandlers,
  ...countsHandlers,
  ...monthReportsHandlers,
  ...monthPackHandlers,
  ...scansHandlers,
  ...advancesHandlers,
  ...repairsHandlers,
  ...orderPlanHandlers,
  ...requisitionsHandlers,
} satisfies Handlers;
