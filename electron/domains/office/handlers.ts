// office.*: whether the office is set up; setting it up once.

import { schemaVersion } from '../../store/migrate';
import type { Handlers } from '../context';
import { officeRow, officeView } from './repo';
import { initOffice } from './service';

export const officeHandlers = {
  'office.get': (_input, ctx) => {
    const row = officeRow(ctx.db);
    return { initialised: row != null, office: row ? officeView(row) : null, schemaVersion: schemaVersion(ctx.db), now: ctx.nowIso };
  },
  'office.init': (input, ctx) => initOffice(ctx, input),
} satisfies Partial<Handlers>;
