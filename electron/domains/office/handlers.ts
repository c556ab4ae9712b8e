// office.*: whether the office is set up; setting it up once; its settings.

import { schemaVersion } from '../../store/migrate';
import type { Handlers } from '../context';
import { officeRow, officeView, requireOffice, setReturnsOnCard } from './repo';
import { initOffice, setupStatus, updateOffice } from './service';

export const officeHandlers = {
  'office.get': (_input, ctx) => {
    const row = officeRow(ctx.db);
    return { initialised: row != null, office: row ? officeView(row) : null, schemaVersion: schemaVersion(ctx.db), now: ctx.nowIso };
  },
  'office.init': (input, ctx) => initOffice(ctx, input),
  'office.setReturnsOnCard': (input, ctx) => {
    requireOffice(ctx.db);
    setReturnsOnCard(ctx.db, input.returnsOnCard);
    ctx.auditRef = input.returnsOnCard;
    return { returnsOnCard: input.returnsOnCard };
  },
  'office.update': (input, ctx) => updateOffice(ctx, input),
  'office.setupStatus': (_input, ctx) => setupStatus(ctx),
} satisfies Partial<Handlers>;
