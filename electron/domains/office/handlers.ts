// office.*: whether the office is set up; setting it up once; its settings.

import { schemaVersion } from '../../store/migrate';
import type { Handlers } from '../context';
import { exportKeys, importKeys, keyStatus, makeNewKey } from './keys';
import { officeRow, officeView, requireOffice, setPinLength, setReturnsOnCard } from './repo';
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
  'office.keyStatus': (_input, ctx) => keyStatus(ctx.db),
  'office.newKey': (input, ctx) => makeNewKey(ctx, input),
  'office.setPinLength': (input, ctx) => {
    requireOffice(ctx.db);
    setPinLength(ctx.db, input.pinLength);
    ctx.auditRef = `PIN ${input.pinLength} 位`; // the input's pinLength is redacted with the PINs
    return { pinLength: input.pinLength };
  },
  'office.exportKeys': (input, ctx) => exportKeys(ctx, input),
  'office.importKeys': (input, ctx) => importKeys(ctx, input),
} satisfies Partial<Handlers>;
