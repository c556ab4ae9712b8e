// slips.*: thin — the session's user and PIN checks in, the service (stock and money) does the rest.

import { isCreatableKind } from '../../../shared/contract';
import { actor, managerSignoff, signoff, type Ctx, type Handlers, type WriteCtx } from '../context';
import { postedRef } from '../../store/postedSlip';
import { readerOf, requireSlipInReach, slipReachSql } from '../reads/scope';
import { listSlips, slipRow, slipRowByNo, slipView as fullView, type SlipRow } from './repo';
import { carrierOf, carriers, setCarrier } from './carrier';
import { requireKindRole, requireNotCount } from './rules';
import { shownSlip, shownSummary } from './scope';
import { createSlip, postSlip, reverseSlip, signSlip, updateSlip, voidSlip, type SlipWriter } from './service';

function writer(ctx: WriteCtx): SlipWriter {
  return { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, actor: actor(ctx) };
}

/** The slip as this caller may see it (保密制度: slips/scope.ts). */
function slipView(ctx: Ctx, row: SlipRow) {
  return shownSlip(fullView(ctx.db, row), readerOf(ctx).scope);
}

export const slipsHandlers = {
  'slips.create': (input, ctx) => {
    requireKindRole(ctx, input.kind, 'slips.create');
    const { kind, lines, preGoLive, ...header } = input;
    const row = createSlip(writer(ctx), kind, header, lines, preGoLive ?? false);
    ctx.auditRef = row.no;
    return slipView(ctx, row);
  },

  'slips.update': (input, ctx) => {
    const current = slipRow(ctx.db, input.slipId);
    if (isCreatableKind(current.kind)) requireKindRole(ctx, current.kind, 'slips.update');
    const { slipId, version, lines, ...header } = input;
    const row = updateSlip(writer(ctx), slipId, version, header, lines);
    ctx.auditRef = row.no;
    return slipView(ctx, row);
  },

  'slips.sign': (input, ctx) => {
    const signer = ctx.auth.checkPin(ctx.db, input.user, input.pin);
    const override = input.creditOverride ? managerSignoff(ctx, input.creditOverride) : null;
    const row = signSlip(writer(ctx), input.slipId, input.role, signer, override);
    ctx.auditRef = `${row.no} ${input.role} ${signer.name}`;
    return slipView(ctx, slipRow(ctx.db, row.id));
  },

  'slips.post': (input, ctx) => {
    const row = postSlip(writer(ctx), input.slipId, { picked: input.picked, confirmShort: input.confirmShort }, input.secondDelivery);
    const ref = postedRef(row.no, row.posted_hash!);
    ctx.auditRef = row.second_delivery_reason == null ? ref : `${ref} 同联号第二批 second delivery: ${row.second_delivery_reason}`;
    return slipView(ctx, row);
  },

  'slips.reverse': (input, ctx) => {
    requireNotCount(slipRow(ctx.db, input.slipId)); // a count is reversed as a count (counts.reverse)
    const manager = signoff(ctx, input.manager, 'manager');
    const finance = input.finance ? signoff(ctx, input.finance, 'finance') : null;
    const { original, reversal } = reverseSlip(writer(ctx), input.slipId, input.reason, { manager, finance });
    ctx.auditRef = `${original.no} → ${postedRef(reversal.no, reversal.posted_hash!)}`;
    return { original: slipView(ctx, original), reversal: slipView(ctx, reversal) };
  },

  'slips.void': (input, ctx) => {
    const current = slipRow(ctx.db, input.slipId);
    if (isCreatableKind(current.kind)) requireKindRole(ctx, current.kind, 'slips.void');
    const row = voidSlip(writer(ctx), input.slipId, input.reason);
    ctx.auditRef = row.no;
    return slipView(ctx, row);
  },

  'slips.setCarrier': (input, ctx) => {
    const row = slipRow(ctx.db, input.slipId);
    const changed = setCarrier(ctx.db, row, input.carrierId, { userId: actor(ctx).id, at: ctx.nowIso });
    const carrier = carrierOf(ctx.db, row.id);
    ctx.auditRef = `${row.no} 承运人 carrier: ${carrier?.name ?? '—'}${changed ? '' : ' (unchanged)'}`;
    return slipView(ctx, row);
  },

  'slips.carriers': (_input, ctx) => carriers(ctx.db),

  'slips.get': (input, ctx) => {
    const row = 'slipId' in input ? slipRow(ctx.db, input.slipId) : slipRowByNo(ctx.db, input.no);
    requireSlipInReach(ctx.db, readerOf(ctx), row.id, row.no);
    return slipView(ctx, row);
  },

  'slips.list': (input, ctx) => {
    const reader = readerOf(ctx);
    const { rows, total } = listSlips(ctx.db, { ...input, reachSql: slipReachSql(reader) });
    return { total, rows: rows.map((r) => shownSummary(r, reader.scope)) };
  },
} satisfies Partial<Handlers>;
