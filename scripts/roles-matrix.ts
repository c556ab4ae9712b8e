// `npm run roles-matrix` — writes docs/roles-matrix.md, who may call each method of the contract:
// methods as rows grouped by domain, the office's eight roles as columns, ✓ where the role may call
// it, read or write marked. Made from shared/contract.ts alone (each method's `access`, judged by
// the same check the core runs, shared/access.ts), so it cannot say other than the desk does;
// tests/core/roles-matrix.test.ts fails when the committed file is not what this writes, and calls
// every method as each role to prove the core refuses exactly where the file has no ✓.
//
//   npx tsx scripts/roles-matrix.ts           write docs/roles-matrix.md
//   npx tsx scripts/roles-matrix.ts --check   exit 1 when the committed file is out of date

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requireAccess } from '../shared/access';
import {
  contract,
  DOC_KINDS,
  docRoles,
  EXPORT_GRIDS,
  FINANCE_DOC_ROLES,
  METHOD_NAMES,
  MONTH_REPORT_METHOD,
  MONTH_REPORTS,
  SLIP_CREATE_ROLES,
  type Access,
  type MethodName,
} from '../shared/contract';
import { ROLE_EN, ROLE_ZH, ROLES, type Role } from '../shared/roles';
import { IMPORT_ACCESS_METHOD, IMPORT_KINDS } from '../shared/sheets';
import { GRID_READ } from '../electron/domains/export/rules';

export const ROLES_MATRIX_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'roles-matrix.md');
export const REGENERATE = 'npm run roles-matrix';

const accessOf = (m: MethodName): Access => contract[m].access;
const table = <K extends string>(keys: readonly K[], access: (k: K) => Access) => Object.fromEntries(keys.map((k) => [k, access(k)])) as Record<K, Access>;
const docs = table(DOC_KINDS, docRoles);
/** the finance papers are only previewed (documents.render): no render job, no print log */
const printable = table(
  DOC_KINDS.filter((d) => !(d in FINANCE_DOC_ROLES)),
  docRoles,
);

/**
 * Methods whose input names what is acted on, and who may act on each (the domain's rules check it
 * beside the contract's `access`): a row per value in the matrix.
 */
export const BY_INPUT: Partial<Record<MethodName, { field: string; access: Record<string, Access> }>> = {
  'slips.create': { field: 'kind', access: SLIP_CREATE_ROLES },
  'documents.render': { field: 'doc', access: docs },
  'documents.startRender': { field: 'doc', access: printable },
  'documents.recordPrint': { field: 'doc', access: printable },
  'documents.recordPreview': { field: 'doc', access: printable },
  'import.preview': { field: 'kind', access: table(IMPORT_KINDS, (k) => accessOf(IMPORT_ACCESS_METHOD[k])) },
  'import.commit': { field: 'kind', access: table(IMPORT_KINDS, (k) => accessOf(IMPORT_ACCESS_METHOD[k])) },
  'export.grid': { field: 'grid', access: table(EXPORT_GRIDS, (g) => accessOf(GRID_READ[g])) },
  'monthReports.pdf': { field: 'report', access: table(MONTH_REPORTS, (k) => accessOf(MONTH_REPORT_METHOD[k])) },
  'monthReports.xlsx': { field: 'report', access: table(MONTH_REPORTS, (k) => accessOf(MONTH_REPORT_METHOD[k])) },
};

/** Methods the domain's rules narrow further by the record acted on (marked † in the matrix, with why). */
export const BY_RECORD: Partial<Record<MethodName, [zh: string, en: string]>> = {
  'users.signature': ['他人的签名仅经理、管理员', "someone else's: manager, administrator only"],
  'users.setSignature': ['他人的签名仅经理、管理员', "someone else's: manager, administrator only"],
  'slips.update': ['按单据类别, 同新建', "by the slip's kind, as slips.create"],
  'slips.void': ['按单据类别, 同新建', "by the slip's kind, as slips.create"],
  'slips.reverse': ['期初单据仅经理', 'an opening slip: the manager only'],
  'expenses.create': ['替他人报销仅财务、经理', 'a claim for someone else: finance, manager only'],
  'expenses.void': ['按报销单状态与报销人', "by the claim's state and claimant"],
};

/** One row of the matrix: a method, or a method for one value of the input field that picks who may. */
export interface MatrixRow {
  method: MethodName;
  variant?: { field: string; value: string };
}

export function matrixRows(): MatrixRow[] {
  return METHOD_NAMES.flatMap((method) => {
    const by = BY_INPUT[method];
    return by ? Object.keys(by.access).map((value) => ({ method, variant: { field: by.field, value } })) : [{ method }];
  });
}

const passes = (method: string, access: Access, role: Role): boolean => {
  try {
    requireAccess(method, access, { roles: [role] });
    return true;
  } catch {
    return false;
  }
};

/** Whether a user holding only `role` may call the row's method (the core's own check, and the rule's for the row's value). */
export function mayCall(row: MatrixRow, role: Role): boolean {
  const { method, variant } = row;
  return passes(method, accessOf(method), role) && (!variant || passes(method, BY_INPUT[method]!.access[variant.value], role));
}

function kind(method: MethodName): string {
  const { access, write } = contract[method];
  const rw = write ? '写 write' : '读 read';
  if (access === 'public') return `${rw} · 无需登录 public`;
  if (access === 'any') return `${rw} · 登录即可 any login`;
  return rw;
}

function rowName(row: MatrixRow): string {
  const note = BY_RECORD[row.method];
  const name = row.variant ? `\`${row.method}\` ${row.variant.field}=${row.variant.value}` : `\`${row.method}\``;
  return note ? `${name} † ${note[0]} / ${note[1]}` : name;
}

/** The rows by domain (the part of the method's name before the dot), in the contract's order. */
function byDomain(): Map<string, MatrixRow[]> {
  const groups = new Map<string, MatrixRow[]>();
  for (const row of matrixRows()) {
    const domain = row.method.slice(0, row.method.indexOf('.'));
    groups.set(domain, [...(groups.get(domain) ?? []), row]);
  }
  return groups;
}

/** docs/roles-matrix.md as the contract gives it today. */
export function rolesMatrixMarkdown(): string {
  const header = `| 操作 method | 类别 kind | ${ROLES.map((r) => `${ROLE_ZH[r]}<br>${ROLE_EN[r]}`).join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const out = [
    '# 角色权限表 · Role × method matrix',
    '',
    `<!-- Generated from shared/contract.ts by \`${REGENERATE}\` (scripts/roles-matrix.ts): do not edit by hand. -->`,
    '',
    'Who may call each method of the contract (`shared/contract.ts`): ✓ where a user holding that role may call it; an empty',
    'cell is refused with `forbidden`. One person may hold several roles (兼任) and may then call what any of them may.',
    '"无需登录 public" needs no login; "登录即可 any login" is open to every logged-in user.',
    "Where the input names what is acted on (a slip's kind, a document, an import, a grid), a row per value. † marks a method",
    "the domain's rules (`electron/domains/<domain>/rules.ts`) narrow further by the record acted on; within what a role",
    'may call, those rules may still refuse a particular request (a closed day, a wrong PIN).',
    `${METHOD_NAMES.length} methods. \`tests/core/roles-matrix.test.ts\` calls every method as each role and fails where the core differs from this table.`,
  ];
  for (const [domain, rows] of byDomain()) {
    out.push('', `## ${domain}`, '', header, rule);
    for (const row of rows) out.push(`| ${rowName(row)} | ${kind(row.method)} | ${ROLES.map((r) => (mayCall(row, r) ? '✓' : ' ')).join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

function main(): void {
  const want = rolesMatrixMarkdown();
  if (process.argv.includes('--check')) {
    let have = '';
    try {
      have = readFileSync(ROLES_MATRIX_PATH, 'utf8');
    } catch {
      /* missing: out of date */
    }
    if (have === want) return console.log('docs/roles-matrix.md is up to date');
    console.error(`docs/roles-matrix.md is out of date with shared/contract.ts: run \`${REGENERATE}\` and commit it`);
    process.exit(1);
  }
  writeFileSync(ROLES_MATRIX_PATH, want);
  console.log(`wrote docs/roles-matrix.md (${METHOD_NAMES.length} methods × ${ROLES.length} roles)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
