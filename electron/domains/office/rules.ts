// The rules of office.init (once only, with a timezone the office's clock can use) and of the
// setup status: what a new office still lacks before the desk can be used fully, judged from the books.

import { DeskError, fail } from '../../../shared/errors';
import type { MethodName, SetupItem } from '../../../shared/contract';
import { ROLE_EN, ROLE_ZH, type Role } from '../../../shared/roles';
import { isValidTimezone } from '../../ledger/dates';
import type { ReadableDB } from '../../store/db';
import { officeRow } from './repo';

export function requireNoOffice(db: ReadableDB): void {
  if (officeRow(db)) fail('office_already_initialised');
}

export function requireTimezone(tz: string): void {
  if (!isValidTimezone(tz)) throw new DeskError('invalid_input', { summary_zh: `时区「${tz}」无效`, summary_en: `unknown timezone "${tz}"` });
}

// ---------------------------------------------------------------- what the office still lacks (office.setupStatus)

/** What the books say about the office's setup: read once, judged by SETUP_CHECKS. */
export interface SetupState {
  office: { address: string; phone: string; hqName: string };
  suppliers: number;
  customers: number;
  items: number;
  roles: Set<string>;
  /** opening balances may still be entered (no day closed yet) and none has been */
  openingPending: boolean;
  printSettingsSaved: boolean;
}

/** One check: the method is the contract's (a misspelt one fails the build), the words come from `lacks`. */
type SetupCheck = Omit<SetupItem, 'message_zh' | 'message_en' | 'method'> & { method: MethodName; lacks(s: SetupState): [zh: string, en: string] | null };

const DETAIL_WORDS: [keyof SetupState['office'], string, string][] = [
  ['address', '地址', 'address'],
  ['phone', '电话', 'phone'],
  ['hqName', '上级公司/总部', 'HQ'],
];

function missingDetails(s: SetupState): [string, string] | null {
  const gone = DETAIL_WORDS.filter(([k]) => !s.office[k].trim());
  if (!gone.length) return null;
  return [`办事处信息不全: 缺${gone.map((g) => g[1]).join('、')}`, `office details incomplete: no ${gone.map((g) => g[2]).join(', ')}`];
}

const roleCheck = (role: Role, zh: string, en: string): SetupCheck => ({
  key: `role.${role}`,
  screen: 'users',
  method: 'users.create',
  optional: false,
  lacks: (s) => (s.roles.has(role) ? null : [`还没有${ROLE_ZH[role]}: ${zh}`, `no ${ROLE_EN[role]} yet: ${en}`]),
});

/** Each thing a new office may lack, in the order the setup flow fixes them. */
export const SETUP_CHECKS: readonly SetupCheck[] = [
  { key: 'office.details', screen: 'setup/office', method: 'office.update', optional: false, lacks: missingDetails },
  {
    key: 'supplier',
    screen: 'customers/suppliers',
    method: 'suppliers.create',
    optional: false,
    lacks: (s) => (s.suppliers ? null : ['还没有供应商: 入库单无法过账', 'no supplier yet: inbound slips cannot be posted']),
  },
  {
    key: 'customer',
    screen: 'customers',
    method: 'customers.create',
    optional: false,
    lacks: (s) => (s.customers ? null : ['还没有客户: 发货单无法过账', 'no customer yet: dispatch slips cannot be posted']),
  },
  roleCheck('keeper', '入库单和发货单无人过账', 'nobody can post inbound or dispatch slips'),
  roleCheck('finance', '发货单无人签字收款, 无法日结', 'nobody can sign dispatches, take payment or close the day'),
  roleCheck('manager', '发货单和退货单无人签发', 'nobody can sign dispatch and return slips'),
  {
    key: 'items',
    screen: 'items',
    method: 'items.create',
    optional: false,
    lacks: (s) => (s.items ? null : ['还没有商品: 单据无法录入商品', 'no items yet: no slip can take a line']),
  },
  {
    key: 'opening',
    screen: 'opening',
    method: 'opening.setCash',
    optional: false,
    lacks: (s) =>
      s.openingPending
        ? ['还没有期初数据: 首次日结后就不能再录入期初库存、应收和现金', 'no opening balances yet: once the first day is closed they can no longer be entered']
        : null,
  },
  {
    key: 'printSettings',
    screen: 'print-settings',
    method: 'documents.updateSettings',
    optional: true,
    lacks: (s) =>
      s.printSettingsSaved ? null : ['单据纸张和联数尚未确认 (现用默认值)', 'paper and copies of the slips not confirmed yet (the defaults are in use)'],
  },
];

/** What the office still lacks, each with the screen and the method that fix it. */
export function setupMissing(s: SetupState): SetupItem[] {
  return SETUP_CHECKS.flatMap(({ lacks, ...item }) => {
    const said = lacks(s);
    return said ? [{ ...item, message_zh: said[0], message_en: said[1] }] : [];
  });
}
