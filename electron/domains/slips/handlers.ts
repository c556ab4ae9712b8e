import { fail } from '../../../shared/errors';
import { SLIP_CREATE_ROLES, type CreatableSlipKind } from '../../../shared/contract';
import { ROLE_ZH } from '../../../shared/roles';
import {
  createSlip,
  listSlips,
  postSlip,
  reverseSlip,
  signSlip,
  slipRow,
  slipRowByNo,
  slipView,
  updateSlip,
  voidSlip,
  type WriteCtx,
} from './repo';
import { actor, type Ctx, type Handlers } from '../context';
import { afterDraftEdited, bookDispatchPayment, reverseSlipMoney, settleDispatchPosted, settleReturnPosted } from './money';
import { bookCtx, managerSignoff } from '../financeHandlers';

function writeCtx(ctx: Ctx): WriteCtx {
  return { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, actor: actor(ctx) };
}

/** Who may open, edit or void a slip depends on its kind (the contract lists the union). */
function requireKindRole(ctx: Ctx, kind: CreatableSlipKind, method: string): void {
  const allowed = SLIP_CREATE_ROLES[kind];
  if (!actor(ctx).roles.some((r) => allowed.includes(r))) fail('forbidden', { method, roles: allowed.map((r) => ROLE_ZH[r]) });
}

export const slipHandlers = {
  'slips.create': (input, ctx) => {
    requireKindRole(ctx, input.kind, 'slips.create');
    const { kind, lines, ...header } = input;
    const row = createSlip(writeCtx(ctx), kind, header, lines);
    ctx.auditRef = row.no;
    return slipView(ctx.db, row);
  },

  'slips.update': (input, ctx) => {
    const current = slipRow(ctx.db, input.slipId);
    if (current.kind !== 'reversal') requireKindRole(ctx, current.kind, 'slips.update');
    const { slipId, version, lines, ...header } = input;
    const row = updateSlip(writeCtx(ctx), slipId, version, header, lines);
    afterDraftEdited(bookCtx(ctx), row.id); // finance's signature dropped → its money reversed (红字)
    ctx.auditRef = row.no;
    return slipView(ctx.db, row);
  },

  'slips.sign': (input, ctx) => {
    const signer = ctx.auth.checkPin(ctx.db, input.user, input.pin);
    const override = input.creditOverride ? managerSignoff(ctx, input.creditOverride) : null;
    const row = signSlip(writeCtx(ctx), input.slipId, input.role, signer);
    // The finance supervisor's signature on a dispatch records its payment or receivable (finance/slipmoney.ts).
    if (input.role === 'finance' && row.kind === 'dispatch') bookDispatchPayment(bookCtx(ctx, signer.id), row.id, override);
    ctx.auditRef = `${row.no} ${input.role} ${signer.name}`;
    return slipView(ctx.db, slipRow(ctx.db, row.id));
  },

  'slips.post': (input, ctx) => {
    const row = postSlip(writeCtx(ctx), input.slipId, { picked: input.picked, confirmShort: input.confirmShort });
    if (row.kind === 'dispatch') settleDispatchPosted(bookCtx(ctx), row.id); // short pick: the unshipped part back
    if (row.kind === 'return') settleReturnPosted(bookCtx(ctx), row.id); // refund or credit note
    ctx.auditRef = row.no;
    return slipView(ctx.db, row);
  },

  'slips.reverse': (input, ctx) => {
    const { original, reversal } = reverseSlip(writeCtx(ctx), input.slipId, input.reason);
    reverseSlipMoney(bookCtx(ctx), original.id, `红字冲销 ${reversal.no}`);
    ctx.auditRef = `${original.no} → ${reversal.no}`;
    return { original: slipView(ctx.db, original), reversal: slipView(ctx.db, reversal) };
  },

  'slips.void': (input, ctx) => {
    const current = slipRow(ctx.db, input.slipId);
    if (current.kind !== 'reversal') requireKindRole(ctx, current.kind, 'slips.void');
    const row = voidSlip(writeCtx(ctx), input.slipId, input.reason);
    reverseSlipMoney(bookCtx(ctx), row.id, '单据作废');
    ctx.auditRef = row.no;
    return slipView(ctx.db, row);
  },

  'slips.get': (input, ctx) => slipView(ctx.db, 'slipId' in input ? slipRow(ctx.db, input.slipId) : slipRowByNo(ctx.db, input.no)),

  'slips.list': (input, ctx) => listSlips(ctx.db, input),
} satisfies Partial<Handlers>;
