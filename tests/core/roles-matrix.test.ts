// The role × method matrix (docs/roles-matrix.md), proved twice: the committed file is what the
// contract gives today (scripts/roles-matrix.ts), and the core agrees with it — every method called
// as each of the eight roles (a user holding that role alone) with the smallest input its schema
// takes answers `forbidden` exactly where the matrix has no ✓, reads included, and never where it
// has one (an allowed call may still fail for its own reasons: a missing slip, a wrong PIN). Without
// a session every method but the public ones answers `not_logged_in`.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type Result } from '../../shared/contract';
import { ROLE_ZH, ROLES, PRIVILEGED_ROLES, type Role } from '../../shared/roles';
import { BY_RECORD, matrixRows, mayCall, REGENERATE, ROLES_MATRIX_PATH, rolesMatrixMarkdown, type MatrixRow } from '../../scripts/roles-matrix';
import { demoOffice, ok, SECOND_PIN, type DemoOffice } from '../helpers';
import { minimalInput, minimalInputWith } from '../helpers/contract-inputs';

const PIN = '582917';
const nameOf = (role: Role) => `只任${ROLE_ZH[role]}`;

describe('docs/roles-matrix.md', () => {
  it('is what the contract gives', () => {
    const committed = readFileSync(ROLES_MATRIX_PATH, 'utf8');
    expect(committed === rolesMatrixMarkdown(), `docs/roles-matrix.md is out of date with shared/contract.ts: run \`${REGENERATE}\` and commit it`).toBe(true);
  });

  it('has a row for every method and a ✓ for every role somewhere', () => {
    const md = rolesMatrixMarkdown();
    for (const m of METHOD_NAMES) expect(md).toContain(`| \`${m}\``);
    for (const r of ROLES)
      expect(
        matrixRows().some((row) => mayCall(row, r) && Array.isArray(contract[row.method].access)),
        r,
      ).toBe(true);
  });
});

describe('the core refuses exactly where the matrix says no', () => {
  let office: DemoOffice;
  beforeAll(async () => {
    office = await demoOffice();
    // one user per role holding that role alone (the demo's shipper also drives)
    for (const role of ROLES) {
      const grant = PRIVILEGED_ROLES.includes(role) ? { secondPin: SECOND_PIN } : {};
      ok(await office.core.call('users.create', { name: nameOf(role), roles: [role], pin: PIN, ...grant }, { sessionToken: office.tokens.admin }));
    }
  });
  afterAll(() => office?.close());

  /** A fresh session for the role's user: an earlier call (auth.logout) may have ended the last one. */
  const login = async (role: Role) => ok(await office.core.call('auth.login', { user: nameOf(role), pin: PIN })).sessionToken;

  /** The smallest input the method's schema takes (checked there), so the gate is what answers. */
  const inputOf = ({ method, variant }: MatrixRow): unknown => {
    const schema = contract[method].input as z.ZodType;
    return variant ? minimalInputWith(schema, variant.field, variant.value) : minimalInput(schema);
  };
  /** The refusal of the core's gate (shared/access.ts): it names the method and the roles of its `access`. */
  const isGateRefusal = (row: MatrixRow, r: Result<unknown>): boolean => {
    const access = contract[row.method].access;
    if (r.ok || r.error.code !== 'forbidden' || r.error.details.method !== row.method || typeof access === 'string') return false;
    return sameRoles(
      r.error.details.roles,
      access.map((x) => ROLE_ZH[x]),
    );
  };
  const sameRoles = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && b.every((x) => a.includes(x));

  it('calls every method as each role', async () => {
    const wrong: string[] = [];
    let forbidden = 0;
    for (const row of matrixRows()) {
      const input = inputOf(row);
      const name = `${row.method}${row.variant ? ` ${row.variant.field}=${row.variant.value}` : ''} as`;
      for (const role of ROLES) {
        const r = await office.core.callUnknown(row.method, input, { sessionToken: await login(role) });
        const code = r.ok ? 'ok' : r.error.code;
        // a † method's rules may refuse the record (someone else's signature, the stored slip's kind), never the gate
        const refusedHere = code === 'forbidden' && (!BY_RECORD[row.method] || isGateRefusal(row, r));
        if (mayCall(row, role) && (refusedHere || code === 'not_logged_in')) wrong.push(`${name} ${role}: ${code}, but the matrix says ✓`);
        else if (!mayCall(row, role) && code !== 'forbidden') wrong.push(`${name} ${role}: ${code}, but the matrix says forbidden`);
        if (code === 'forbidden') forbidden++;
      }
    }
    expect(wrong).toEqual([]);
    expect(forbidden).toBeGreaterThan(200);
  });

  it('answers not_logged_in without a session, except for the public methods', async () => {
    const wrong: string[] = [];
    for (const method of METHOD_NAMES) {
      const r = await office.core.callUnknown(method, minimalInput(contract[method].input as z.ZodType));
      const code = r.ok ? 'ok' : r.error.code;
      if ((contract[method].access === 'public') === (code === 'not_logged_in')) wrong.push(`${method}: ${code}`);
    }
    expect(wrong).toEqual([]);
  });
});
