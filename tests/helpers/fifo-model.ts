// A reference model of the warehouse books for the property tests: a plain FIFO queue of layers
// per item, written from the rules in design.md ("The books"), not from electron/ledger. It knows
// the slips the test made (by the ids the desk gave them) and predicts, for every call, either
// success or the error code the desk must refuse with; then it applies the call's effect.
//
// Rules it encodes:
//  - an inbound line makes a layer (qty, qty × unit cost), or (qty, amount) when it was entered by
//    its amount (金额) as HQ's delivery note gives it;
//  - an issue takes from the item's oldest open layers; a partial take costs
//    round-half-up(layer amount × take / layer qty), the layer as received ("a receipt creates a
//    layer (qty, amount)"), never more than the layer has left; the take that empties a layer gets
//    exactly what is left (see layerTake);
//  - a return line comes back at the cost it went out at, taking the dispatch line's latest takes
//    first (a partial take-back rounds the same way against what of the take is still out), as
//    new layers at the back of the queue;
//  - a reversal restores exactly what the original consumed, and only when nothing has been taken
//    since from what it received;
//  - only what moved can come back (returnable = shipped − what posted, unreversed returns moved).

export type Kind = 'inbound' | 'dispatch' | 'return' | 'reversal';
export type State = 'draft' | 'posted' | 'void';
export type SignRole = 'manager' | 'finance';

export const REQUIRED: Record<Kind, readonly SignRole[]> = { inbound: [], dispatch: ['manager', 'finance'], return: ['manager'], reversal: [] };
export const PREFIX: Record<Kind, string> = { inbound: 'JC', dispatch: 'FH', return: 'TH', reversal: 'HC' };

/** round-half-up(amount × take / qty), the whole amount when take = qty; always in BigInt. */
export function share(qty: number, amount: number, take: number): number {
  if (take === qty) return amount;
  return Number((BigInt(amount) * BigInt(take) * 2n + BigInt(qty)) / (2n * BigInt(qty)));
}

/**
 * What a take from a layer costs: round(amount × take / qty) of the layer as received, capped by
 * what it has left; the take that empties it gets what is left. (design.md: "a partial take of a
 * layer costs round(amount × take / qty) and the last unit of a layer takes what is left".)
 */
export function layerTake(l: Pick<MLayer, 'inQty' | 'inAmt' | 'remQty' | 'remAmt'>, take: number): number {
  if (take === l.remQty) return l.remAmt;
  return Math.min(l.remAmt, share(l.inQty, l.inAmt, take));
}

export interface MLayer {
  seq: number;
  item: number;
  inQty: number;
  inAmt: number;
  remQty: number;
  remAmt: number;
}

export interface MTake {
  layer: MLayer;
  qty: number;
  amt: number;
  /** what of this take has come back on posted, unreversed returns */
  backQty: number;
  backAmt: number;
}

export interface MPart {
  take: MTake;
  qty: number;
  amt: number;
  layer: MLayer;
}

export interface MLineInput {
  item: number;
  qty: number;
  unitCost?: number;
  /** inbound: the amount entered instead of a unit cost */
  amount?: number;
  sourceLineId?: number;
}

export interface MLine extends MLineInput {
  id: number;
  shipped: number | null;
  /** dispatch: the takes from layers */
  takes: MTake[];
  /** return: what came back, per take */
  parts: MPart[];
  /** inbound: its layer */
  layer: MLayer | null;
  /** Σ amount of its moves (negative on a reversal) */
  cost: number;
}

export interface MSlip {
  id: number;
  no: string;
  kind: Kind;
  state: State;
  version: number;
  lines: MLine[];
  signed: SignRole[];
  sourceSlipId: number | null;
  reversedBy: number | null;
}

export class Refused extends Error {
  constructor(public readonly code: string) {
    super(code);
  }
}
const refuse = (code: string): never => {
  throw new Refused(code);
};

export class Model {
  layers: MLayer[] = [];
  slips: MSlip[] = [];
  private byId = new Map<number, MSlip>();
  private lineById = new Map<number, MLine>();
  private series = new Map<string, number>();

  slip(id: number): MSlip {
    const s = this.byId.get(id);
    if (!s) throw new Error(`model: no slip ${id}`);
    return s;
  }
  line(id: number): MLine {
    const l = this.lineById.get(id);
    if (!l) throw new Error(`model: no line ${id}`);
    return l;
  }

  onHand(item: number): { qty: number; amountFen: number } {
    let qty = 0;
    let amountFen = 0;
    for (const l of this.layers) if (l.item === item) ((qty += l.remQty), (amountFen += l.remAmt));
    return { qty, amountFen };
  }
  openLayers(item: number): [number, number][] {
    return this.layers.filter((l) => l.item === item && l.remQty > 0).map((l) => [l.remQty, l.remAmt]);
  }

  /** The number the next slip of this kind takes on this business day. */
  nextNo(kind: Kind, businessDate: string): string {
    const key = `${PREFIX[kind]}${businessDate.replace(/-/g, '')}`;
    return `${key}${String((this.series.get(key) ?? 0) + 1).padStart(4, '0')}`;
  }
  private takeNo(kind: Kind, businessDate: string, no: string): void {
    const expected = this.nextNo(kind, businessDate);
    if (no !== expected) throw new Error(`numbering: the desk gave ${no}, the next number is ${expected}`);
    this.series.set(no.slice(0, 10), Number(no.slice(10)));
  }

  private isReturnLive(s: MSlip): boolean {
    return s.kind === 'return' && s.state === 'posted' && s.reversedBy == null;
  }
  /** Units of a dispatch line still out with the customer. */
  returnable(dispatchLineId: number): number {
    const l = this.line(dispatchLineId);
    let back = 0;
    for (const s of this.slips) if (this.isReturnLive(s)) for (const rl of s.lines) if (rl.sourceLineId === dispatchLineId) back += rl.shipped ?? rl.qty;
    return (l.shipped ?? l.qty) - back;
  }

  private requireReturnableDispatch(sourceSlipId: number): MSlip {
    const src = this.slip(sourceSlipId);
    if (src.kind !== 'dispatch') refuse('wrong_slip_kind');
    if (src.state !== 'posted') refuse('slip_not_posted');
    if (src.reversedBy != null) refuse('slip_already_reversed');
    return src;
  }
  private checkReturnable(lines: { sourceLineId?: number; qty: number }[]): void {
    const want = new Map<number, number>();
    for (const l of lines) want.set(l.sourceLineId!, (want.get(l.sourceLineId!) ?? 0) + l.qty);
    for (const [id, q] of want) if (q > this.returnable(id)) refuse('return_exceeds_dispatch');
  }
  private requireDraft(s: MSlip): void {
    if (s.state !== 'draft') refuse('slip_not_draft');
  }

  // ---------------------------------------------------------------- predictions
  // Each returns the commit to run with the desk's answer, or throws Refused(code).

  create(kind: 'inbound' | 'dispatch' | 'return', lines: MLineInput[], sourceSlipId: number | null, businessDate: string) {
    if (kind === 'return') {
      this.requireReturnableDispatch(sourceSlipId!);
      this.checkReturnable(lines);
    }
    return (view: { id: number; no: string; lines: { id: number }[] }) => {
      this.takeNo(kind, businessDate, view.no);
      const s: MSlip = { id: view.id, no: view.no, kind, state: 'draft', version: 1, lines: [], signed: [], sourceSlipId, reversedBy: null };
      this.setLines(s, lines, view.lines);
      this.slips.push(s);
      this.byId.set(s.id, s);
      return s;
    };
  }

  private setLines(s: MSlip, lines: MLineInput[], ids: { id: number }[]): void {
    if (ids.length !== lines.length) throw new Error(`slip ${s.no}: ${ids.length} lines back for ${lines.length} sent`);
    s.lines = lines.map((l, i) => ({ ...l, id: ids[i].id, shipped: null, takes: [], parts: [], layer: null, cost: 0 }));
    for (const l of s.lines) this.lineById.set(l.id, l);
  }

  update(slipId: number, lines: MLineInput[], version: number | undefined) {
    const s = this.slip(slipId);
    this.requireDraft(s);
    if (version !== undefined && version !== s.version) refuse('version_conflict');
    if (s.kind === 'return') {
      this.requireReturnableDispatch(s.sourceSlipId!);
      this.checkReturnable(lines);
    }
    return (view: { lines: { id: number }[] }) => {
      const key = (ls: MLineInput[]) => JSON.stringify(ls.map((l) => [l.item, l.qty, l.unitCost ?? null, l.amount ?? null, l.sourceLineId ?? null]));
      // Signatures cover the content; an edit that changes nothing keeps them.
      if (key(s.lines) !== key(lines)) s.signed = [];
      s.version += 1;
      this.setLines(s, lines, view.lines);
    };
  }

  sign(slipId: number, role: SignRole) {
    const s = this.slip(slipId);
    this.requireDraft(s);
    const order = REQUIRED[s.kind];
    if (!order.includes(role)) refuse('role_cannot_sign');
    if (s.kind === 'return') this.requireReturnableDispatch(s.sourceSlipId!);
    if (s.signed.includes(role)) refuse('already_signed');
    for (const before of order.slice(0, order.indexOf(role))) if (!s.signed.includes(before)) refuse('signature_order');
    return () => {
      s.signed.push(role);
    };
  }

  missing(s: MSlip): SignRole[] {
    return REQUIRED[s.kind].filter((r) => !s.signed.includes(r));
  }

  void(slipId: number) {
    const s = this.slip(slipId);
    this.requireDraft(s);
    return () => {
      s.state = 'void';
    };
  }

  /** picked: per line, what the keeper picked (undefined: the slip's quantities). */
  post(slipId: number, picked: number[] | undefined) {
    const s = this.slip(slipId);
    this.requireDraft(s);
    if (s.kind === 'return') this.requireReturnableDispatch(s.sourceSlipId!);
    if (this.missing(s).length) refuse('signature_required');
    if (picked && s.kind === 'inbound') refuse('pick_not_allowed');
    const shipped = s.lines.map((l, i) => (picked ? picked[i] : l.qty));
    if (shipped.every((q) => q === 0)) refuse('nothing_picked');
    if (s.kind === 'return') this.checkReturnable(s.lines.map((l, i) => ({ sourceLineId: l.sourceLineId, qty: shipped[i] })));
    if (s.kind === 'dispatch') {
      const need = new Map<number, number>();
      s.lines.forEach((l, i) => need.set(l.item, (need.get(l.item) ?? 0) + shipped[i]));
      for (const [item, q] of need) if (this.onHand(item).qty < q) refuse('insufficient_stock');
    }
    return () => {
      s.state = 'posted';
      s.lines.forEach((l, i) => {
        l.shipped = shipped[i];
        if (l.shipped === 0) return;
        if (s.kind === 'inbound') {
          l.layer = this.newLayer(l.item, l.qty, l.amount ?? l.qty * l.unitCost!);
          l.cost = l.layer.inAmt;
        } else if (s.kind === 'dispatch') {
          l.takes = this.issue(l.item, l.shipped);
          l.cost = l.takes.reduce((a, t) => a + t.amt, 0);
        } else {
          l.parts = this.takeBack(this.line(l.sourceLineId!), l.shipped);
          l.cost = l.parts.reduce((a, p) => a + p.amt, 0);
        }
      });
    };
  }

  private newLayer(item: number, qty: number, amt: number): MLayer {
    const layer: MLayer = { seq: this.layers.length, item, inQty: qty, inAmt: amt, remQty: qty, remAmt: amt };
    this.layers.push(layer);
    return layer;
  }

  private issue(item: number, qty: number): MTake[] {
    let left = qty;
    const takes: MTake[] = [];
    for (const layer of this.layers) {
      if (left === 0) break;
      if (layer.item !== item || layer.remQty === 0) continue;
      const take = Math.min(left, layer.remQty);
      const amt = layerTake(layer, take);
      layer.remQty -= take;
      layer.remAmt -= amt;
      takes.push({ layer, qty: take, amt, backQty: 0, backAmt: 0 });
      left -= take;
    }
    if (left > 0) throw new Error(`model: item ${item} short by ${left}`);
    return takes;
  }

  private takeBack(src: MLine, qty: number): MPart[] {
    let left = qty;
    const parts: MPart[] = [];
    for (const take of [...src.takes].reverse()) {
      if (left === 0) break;
      const outQty = take.qty - take.backQty;
      if (outQty <= 0) continue;
      const q = Math.min(left, outQty);
      const amt = share(outQty, take.amt - take.backAmt, q);
      take.backQty += q;
      take.backAmt += amt;
      parts.push({ take, qty: q, amt, layer: this.newLayer(src.item, q, amt) });
      left -= q;
    }
    if (left > 0) throw new Error(`model: return of ${qty} against line ${src.id} has ${left} units with no cost to come back at`);
    return parts;
  }

  reverse(slipId: number) {
    const s = this.slip(slipId);
    if (s.kind === 'reversal') refuse('wrong_slip_kind');
    if (s.state !== 'posted') refuse('slip_not_posted');
    if (s.reversedBy != null) refuse('slip_already_reversed');
    const untouched = (l: MLayer) => l.remQty === l.inQty && l.remAmt === l.inAmt;
    if (s.kind === 'dispatch') {
      if (this.slips.some((r) => this.isReturnLive(r) && r.sourceSlipId === s.id)) refuse('slip_has_returns');
    } else if (s.kind === 'inbound') {
      if (s.lines.some((l) => !untouched(l.layer!))) refuse('layers_consumed');
    } else if (s.lines.some((l) => l.parts.some((p) => !untouched(p.layer)))) refuse('layers_consumed');
    return (view: { id: number; no: string; businessDate: string; lines: { id: number; sourceLineId: number | null }[] }) => {
      this.takeNo('reversal', view.businessDate, view.no);
      const moved = s.lines.filter((l) => (l.shipped ?? 0) > 0);
      const rev: MSlip = {
        id: view.id,
        no: view.no,
        kind: 'reversal',
        state: 'posted',
        version: 1,
        lines: [],
        signed: [],
        sourceSlipId: s.id,
        reversedBy: null,
      };
      if (view.lines.length !== moved.length) throw new Error(`reversal ${view.no}: ${view.lines.length} lines for ${moved.length} moved`);
      rev.lines = moved.map((l, i) => ({
        item: l.item,
        qty: l.shipped!,
        sourceLineId: l.id,
        id: view.lines[i].id,
        shipped: l.shipped,
        takes: [],
        parts: [],
        layer: null,
        cost: 0 - l.cost, // not -l.cost: no -0
      }));
      for (const l of moved) {
        if (l.layer) ((l.layer.remQty -= l.layer.inQty), (l.layer.remAmt -= l.layer.inAmt));
        for (const t of l.takes) ((t.layer.remQty += t.qty), (t.layer.remAmt += t.amt));
        for (const p of l.parts) {
          p.layer.remQty -= p.qty;
          p.layer.remAmt -= p.amt;
          p.take.backQty -= p.qty;
          p.take.backAmt -= p.amt;
        }
      }
      s.reversedBy = rev.id;
      this.slips.push(rev);
      this.byId.set(rev.id, rev);
      for (const l of rev.lines) this.lineById.set(l.id, l);
      return rev;
    };
  }
}
