// The one contract of Branch Desk: every method any door can call (Electron IPC, the browser-mode
// server, the CLI, the tests), with its input and output schema and the roles allowed.
// Method names are `domain.verb`. Types for callers and handlers are inferred from here, and the
// core's handler map must satisfy this map, so nothing can drift.

import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { MAX_FEN } from './money';
import type { DeskErrorShape } from './errors';
import { financeMethods, PinSignoff } from './schemas/finance';

// ---------------------------------------------------------------- building blocks

export const Id = z.number().int().positive();
export const Fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
export const NonNegFen = z.number().int().min(0).max(MAX_FEN);
/** A quantity in the item's base unit: a whole number. */
export const Qty = z.number().int().positive().max(1_000_000_000);
export const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);
const Name = (max: number) => z.string().trim().min(1).max(max);
export const Pin = z.string().min(4).max(32);
export const RoleSchema = z.enum(ROLES);
export const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{4,32}$/, 'barcode: 4–32 letters or digits');

export const SLIP_KINDS = ['inbound', 'dispatch', 'return', 'reversal'] as const;
export const SlipKind = z.enum(SLIP_KINDS);
export type SlipKind = z.infer<typeof SlipKind>;
/** Kinds a user creates; a reversal is made only by slips.reverse. */
export const CreatableSlipKind = z.enum(['inbound', 'dispatch', 'return']);
export type CreatableSlipKind = z.infer<typeof CreatableSlipKind>;
export const SLIP_STATES = ['draft', 'posted', 'void'] as const;
export const SlipState = z.enum(SLIP_STATES);
export type SlipState = z.infer<typeof SlipState>;
export const PAYMENT_MODES = ['cash', 'wechat', 'alipay', 'bank', 'credit'] as const;
export const PaymentMode = z.enum(PAYMENT_MODES);
export type PaymentMode = z.infer<typeof PaymentMode>;

export const User = z.object({
  id: Id,
  name: z.string(),
  title: z.string(),
  roles: z.array(RoleSchema),
  active: z.boolean(),
  /** users.list only: the user has a signature image (users.signature reads it) */
  hasSignature: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

export const Session = z.object({ token: z.string(), user: User });
export type Session = z.infer<typeof Session>;

export const Office = z.object({
  name: z.string(),
  shortName: z.string(),
  timezone: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
});
export type Office = z.infer<typeof Office>;

export const BarcodeLink = z.object({ code: Barcode, packQty: Qty.default(1) });
export const Item = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  safetyStock: z.number().int(),
  priceFen: z.number().int(),
  pinyin: z.string(),
  barcodes: z.array(z.object({ code: z.string(), packQty: z.number().int() })),
  active: z.boolean(),
});
export type Item = z.infer<typeof Item>;

const partyFields = {
  code: Name(32),
  name: Name(100),
  kind: Text(20).default(''),
  contact: Text(50).default(''),
  phone: Text(30).default(''),
  address: Text(200).default(''),
};
export const Customer = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  creditLimitFen: z.number().int(),
  pinyin: z.string(),
  active: z.boolean(),
});
export type Customer = z.infer<typeof Customer>;
export const Supplier = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  active: z.boolean(),
});
export type Supplier = z.infer<typeof Supplier>;

export const SlipLineInput = z.object({
  itemId: Id,
  qty: Qty,
  /** inbound: cost per base unit from HQ's delivery note */
  unitCostFen: NonNegFen.optional(),
  /** dispatch: selling price per base unit */
  priceFen: NonNegFen.optional(),
  /** return: the dispatch line the goods come back against */
  sourceLineId: Id.optional(),
  memo: Text(100).optional(),
});
export type SlipLineInput = z.infer<typeof SlipLineInput>;

const slipHeaderFields = {
  supplierId: Id.nullish(),
  customerId: Id.nullish(),
  /** HQ's delivery note number (随货同行联) on an inbound slip */
  deliveryNoteNo: Text(50).nullish(),
  paymentMode: PaymentMode.nullish(),
  /** the posted dispatch a return comes back against */
  sourceSlipId: Id.nullish(),
  memo: Text(200).nullish(),
};

export const Signature = z.object({
  role: RoleSchema,
  userId: Id,
  userName: z.string(),
  signedAt: z.string(),
  contentHash: z.string(),
  signature: z.string(),
  /** false when the slip's content no longer matches what was signed */
  valid: z.boolean(),
});
export type Signature = z.infer<typeof Signature>;

export const SlipLine = z.object({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  unitCostFen: z.number().int().nullable(),
  priceFen: z.number().int().nullable(),
  /** qty × unit cost (inbound) or qty × price (dispatch, return) */
  amountFen: z.number().int(),
  sourceLineId: Id.nullable(),
  memo: z.string(),
  /** for posted slips: what actually moved (less than qty on a confirmed short pick) */
  shippedQty: z.number().int().nullable(),
  /** for posted slips: the FIFO cost of the goods that moved on this line */
  costFen: z.number().int().nullable(),
  /** for a posted dispatch: how many units can still be returned */
  returnableQty: z.number().int().nullable(),
});
export type SlipLine = z.infer<typeof SlipLine>;

export const Slip = z.object({
  id: Id,
  no: z.string(),
  kind: SlipKind,
  state: SlipState,
  businessDate: z.string(),
  supplierId: Id.nullable(),
  supplierName: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  deliveryNoteNo: z.string().nullable(),
  paymentMode: PaymentMode.nullable(),
  sourceSlipId: Id.nullable(),
  sourceSlipNo: z.string().nullable(),
  memo: z.string(),
  reason: z.string().nullable(),
  totalQty: z.number().int(),
  totalAmountFen: z.number().int(),
  createdBy: z.object({ id: Id, name: z.string() }),
  createdAt: z.string(),
  postedBy: z.object({ id: Id, name: z.string() }).nullable(),
  postedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  reversedBy: z.object({ id: Id, no: z.string() }).nullable(),
  version: z.number().int(),
  contentHash: z.string(),
  lines: z.array(SlipLine),
  signatures: z.array(Signature),
  requiredSignatures: z.array(RoleSchema),
  missingSignatures: z.array(RoleSchema),
});
export type Slip = z.infer<typeof Slip>;

export const SlipSummary = Slip.pick({
  id: true,
  no: true,
  kind: true,
  state: true,
  businessDate: true,
  customerName: true,
  supplierName: true,
  deliveryNoteNo: true,
  paymentMode: true,
  sourceSlipNo: true,
  totalQty: true,
  totalAmountFen: true,
  createdAt: true,
  postedAt: true,
  reversedBy: true,
  missingSignatures: true,
}).extend({ lineCount: z.number().int() });
export type SlipSummary = z.infer<typeof SlipSummary>;

export const StockCardRow = z.object({
  moveId: Id,
  date: z.string(),
  postedAt: z.string(),
  slipId: Id,
  slipNo: z.string(),
  slipKind: SlipKind,
  /** 摘要, in Chinese as on the paper card */
  summary: z.string(),
  /** customer or supplier name */
  counterparty: z.string().nullable(),
  /** delivery note no. (inbound) or original slip no. (return, reversal) */
  refNo: z.string().nullable(),
  inQty: z.number().int().nullable(),
  inUnitCostFen: z.number().int().nullable(),
  inAmountFen: z.number().int().nullable(),
  outQty: z.number().int().nullable(),
  outUnitCostFen: z.number().int().nullable(),
  outAmountFen: z.number().int().nullable(),
  balanceQty: z.number().int(),
  balanceAmountFen: z.number().int(),
});
export type StockCardRow = z.infer<typeof StockCardRow>;

const Balance = z.object({ qty: z.number().int(), amountFen: z.number().int() });

export const OnHandRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  amountFen: z.number().int(),
  safetyStock: z.number().int(),
  belowSafety: z.boolean(),
  lastMoveAt: z.string().nullable(),
});
export type OnHandRow = z.infer<typeof OnHandRow>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  checked: z.object({ items: z.number(), moves: z.number(), layers: z.number(), auditRows: z.number(), slips: z.number() }),
  problems: z.array(z.object({ check: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

const Page = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };
const Empty = z.object({}).strict().default({});
const Ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------- documents (printing)

/** What can be printed: a slip as its kind's document, or an item's stock card (库存明细账). */
export const DOC_KINDS = ['dispatch', 'inbound', 'return', 'reversal', 'stockCard', 'cashCount', 'statement'] as const;
/** Finance papers: previews only (documents.render), not logged prints; readable by these roles. */
export const FINANCE_DOC_ROLES = {
  /** 现金盘点表: a day's cash count, book balance, channels, checks and countersignatures */
  cashCount: ['finance', 'manager', 'statistician'],
  /** 客户对账单: a customer's statement for a period */
  statement: ['finance', 'manager', 'statistician', 'sales'],
} as const;
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;
export const PaperSize = z.enum(['A4', 'A5']);
export type PaperSize = z.infer<typeof PaperSize>;
/** The copies (联) a slip is printed in, by name, e.g. 第二联 客户. */
export const CopyNames = z.array(Name(20)).min(1).max(6);

const docTargetFields = {
  doc: DocKind,
  /** dispatch / inbound / return / reversal: the slip (its kind must match doc) */
  slipId: Id.optional(),
  /** stockCard: the item and the period (business dates, both ends included) */
  itemId: Id.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** slips: A5 landscape or A4 portrait; default from the office's settings. A stock card is always A4 landscape. */
  paper: PaperSize.optional(),
  /** slips: which copies to print; default all the office's copies for that kind */
  copies: CopyNames.optional(),
  /** cashCount: the business day (default today); closed days print the close, open days a 未日结 preview */
  date: DateStr.optional(),
  /** statement: the customer, with from/to as the period (from default the 1st of to's month, to default today) */
  customerId: Id.optional(),
};

export const PrintRecord = z.object({
  id: Id,
  doc: DocKind,
  slipId: Id.nullable(),
  slipNo: z.string().nullable(),
  itemId: Id.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  paper: PaperSize,
  copies: z.array(z.string()),
  /** 1 for the first print of the document; 2 and up are reprints (补打) */
  printNo: z.number().int(),
  /** the slip's content hash when it was printed */
  contentHash: z.string().nullable(),
  printedAt: z.string(),
  printedBy: z.object({ id: Id, name: z.string() }),
});
export type PrintRecord = z.infer<typeof PrintRecord>;

export const RenderedDocument = z.object({
  fileName: z.string(),
  mime: z.literal('application/pdf'),
  /** the PDF, base64 */
  base64: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  paper: PaperSize,
  copies: z.array(z.string()),
  /** the print-log entry this is the paper of; null for a preview */
  printId: Id.nullable(),
  printNo: z.number().int().nullable(),
});
export type RenderedDocument = z.infer<typeof RenderedDocument>;

export const PrintSettings = z.object({
  paper: PaperSize,
  copies: z.object({ dispatch: z.array(z.string()), inbound: z.array(z.string()), return: z.array(z.string()), reversal: z.array(z.string()) }),
});
export type PrintSettings = z.infer<typeof PrintSettings>;

/** genuine: issued by this office and matches the books · reversed: genuine, since reversed (红字冲销) · altered: genuine, but the slip's content has changed since · void: genuine, the draft was voided (作废) · foreign: not this office's, malformed, or no such slip */
export const QR_STATUSES = ['genuine', 'reversed', 'altered', 'void', 'foreign'] as const;
export const QrCheck = z.object({
  status: z.enum(QR_STATUSES),
  message_zh: z.string(),
  message_en: z.string(),
  /** the slip number and content hash the QR carries (null when unreadable) */
  no: z.string().nullable(),
  printedHash: z.string().nullable(),
  /** the slip as the books have it now, when the QR is this office's */
  slip: SlipSummary.extend({ contentHash: z.string() }).nullable(),
});
export type QrCheck = z.infer<typeof QrCheck>;

// ---------------------------------------------------------------- the methods

/** Who may call a method: 'public' needs no session, 'any' any logged-in user, else one of the roles. */
export type Access = 'public' | 'any' | readonly Role[];

interface MethodDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** writes run in one transaction and leave an audit row */
  write: boolean;
  doc: string;
}
function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

const STOCK_READERS = ['keeper', 'manager', 'statistician', 'finance'] as const;
const ALL_STAFF = ['manager', 'finance', 'statistician', 'keeper', 'shipper', 'driver', 'sales'] as const;
/** who may print slips and stock cards */
const DOC_PRINTERS = ['manager', 'finance', 'keeper', 'statistician'] as const;
/** documents.render also lets sales in, for the customer statement (the core checks each doc's roles). */
const DOC_RENDERERS = [...DOC_PRINTERS, 'sales'] as const;

export const contract = {
  'office.get': method({
    input: Empty,
    output: z.object({ initialised: z.boolean(), office: Office.nullable(), schemaVersion: z.number().int() }),
    access: 'public',
    write: false,
    doc: 'Whether the office is set up, and its name and public key.',
  }),
  'office.init': method({
    input: z.object({
      name: Name(100),
      shortName: Text(50).optional(),
      timezone: z.string().default('Asia/Shanghai'),
      admin: z.object({ name: Name(30), pin: Pin }),
    }),
    output: z.object({ office: Office, admin: User }),
    access: 'public',
    write: true,
    doc: 'Create the office, its Ed25519 signing key and the first administrator. Only once.',
  }),

  'auth.users': method({
    input: Empty,
    output: z.array(User.pick({ id: true, name: true, title: true, roles: true })),
    access: 'public',
    write: false,
    doc: 'Active users for the log-in picker.',
  }),
  'auth.login': method({
    input: z.object({ user: z.union([Id, Name(30)]), pin: Pin }),
    output: Session,
    access: 'public',
    write: false,
    doc: 'Log in with user id or name and PIN; returns a session token.',
  }),
  'auth.logout': method({ input: Empty, output: Ok, access: 'any', write: false, doc: 'End this session.' }),
  'auth.whoami': method({ input: Empty, output: User, access: 'any', write: false, doc: 'The logged-in user.' }),

  'users.create': method({
    input: z.object({ name: Name(30), title: Text(50).default(''), roles: z.array(RoleSchema).min(1), pin: Pin }),
    output: User,
    access: ['admin', 'manager'],
    write: true,
    doc: 'Add a user with one or more roles (兼任).',
  }),
  'users.update': method({
    input: z.object({
      userId: Id,
      title: Text(50).optional(),
      roles: z.array(RoleSchema).min(1).optional(),
      active: z.boolean().optional(),
      pin: Pin.optional(),
    }),
    output: User,
    access: ['admin', 'manager'],
    write: true,
    doc: 'Change roles, title, PIN or disable a user.',
  }),
  'users.list': method({ input: Empty, output: z.array(User), access: ['admin', 'manager'], write: false, doc: 'All users.' }),
  'users.setSignature': method({
    input: z.object({ userId: Id, pngBase64: z.string().max(2_000_000).nullable() }),
    output: User,
    access: 'any',
    write: true,
    doc: "Set (PNG, base64, at most 200 KB and 1200×600 px) or clear (null) a user's signature image; admin and manager for anyone, any user for their own.",
  }),
  'users.signature': method({
    input: z.object({ userId: Id }),
    output: z.object({ pngBase64: z.string().nullable() }),
    access: 'any',
    write: false,
    doc: "A user's signature image as PNG base64 (null if none); admin and manager for anyone, any user for their own.",
  }),

  'items.create': method({
    input: z.object({
      code: Name(32),
      name: Name(100),
      spec: Text(100).default(''),
      unit: Name(10),
      safetyStock: z.number().int().min(0).default(0),
      priceFen: NonNegFen.default(0),
      barcodes: z.array(BarcodeLink).default([]),
    }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Create an item (商品) with its barcodes; a case barcode carries its pack quantity.',
  }),
  'items.update': method({
    input: z.object({
      itemId: Id,
      name: Name(100).optional(),
      spec: Text(100).optional(),
      unit: Name(10).optional(),
      safetyStock: z.number().int().min(0).optional(),
      priceFen: NonNegFen.optional(),
      active: z.boolean().optional(),
      barcodes: z.array(BarcodeLink).optional(),
    }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Edit an item; safety stock is the manager’s to set (the keeper and statistician may propose it).',
  }),
  'items.linkBarcode': method({
    input: z.object({ itemId: Id, code: Barcode, packQty: Qty.default(1) }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Attach a new barcode to an item (e.g. an unknown code met while scanning).',
  }),
  'items.get': method({ input: z.object({ itemId: Id }), output: Item, access: 'any', write: false, doc: 'One item.' }),
  'items.findByBarcode': method({
    input: z.object({ code: Barcode }),
    output: z.object({ item: Item, packQty: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'The item a scanned code belongs to, and how many base units it stands for.',
  }),
  'items.list': method({
    input: z.object({ query: Text(50).default(''), includeInactive: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(Item), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Search by code, name, barcode or pinyin initials (拼音首字母).',
  }),

  'customers.create': method({
    input: z.object({ ...partyFields, creditLimitFen: NonNegFen.default(0) }),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Add a customer.',
  }),
  'customers.update': method({
    input: z.object({
      customerId: Id,
      name: Name(100).optional(),
      kind: Text(20).optional(),
      contact: Text(50).optional(),
      phone: Text(30).optional(),
      address: Text(200).optional(),
      creditLimitFen: NonNegFen.optional(),
      active: z.boolean().optional(),
    }),
    output: Customer,
    access: ['statistician', 'sales', 'finance', 'manager'],
    write: true,
    doc: 'Edit a customer.',
  }),
  'customers.list': method({
    input: z.object({ query: Text(50).default(''), includeInactive: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(Customer), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Search customers by code, name or pinyin initials.',
  }),
  'suppliers.create': method({
    input: z.object(partyFields),
    output: Supplier,
    access: ['statistician', 'keeper', 'manager'],
    write: true,
    doc: 'Add a supplier (HQ’s warehouse is one).',
  }),
  'suppliers.update': method({
    input: z.object({
      supplierId: Id,
      name: Name(100).optional(),
      kind: Text(20).optional(),
      contact: Text(50).optional(),
      phone: Text(30).optional(),
      address: Text(200).optional(),
      active: z.boolean().optional(),
    }),
    output: Supplier,
    access: ['statistician', 'keeper', 'manager'],
    write: true,
    doc: 'Edit a supplier.',
  }),
  'suppliers.list': method({
    input: Empty,
    output: z.array(Supplier),
    access: 'any',
    write: false,
    doc: 'All suppliers.',
  }),

  'slips.create': method({
    input: z.object({ kind: CreatableSlipKind, ...slipHeaderFields, lines: z.array(SlipLineInput).max(500).default([]) }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Open a draft slip; it takes its number now (prefix + yyyyMMdd + serial).',
  }),
  'slips.update': method({
    input: z.object({
      slipId: Id,
      /** the version the editor started from; a stale one is refused */
      version: z.number().int().optional(),
      ...slipHeaderFields,
      lines: z.array(SlipLineInput).max(500).optional(),
    }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Edit a draft; fields left out stay; lines, when given, replace all lines. Any change of content drops its signatures.',
  }),
  'slips.sign': method({
    input: z.object({
      slipId: Id,
      role: RoleSchema,
      user: z.union([Id, Name(30)]),
      pin: Pin,
      /** finance signing a credit sale over the customer's limit: the manager's PIN lets it through (finance.ts) */
      creditOverride: PinSignoff.optional(),
    }),
    output: Slip,
    access: 'any',
    write: true,
    doc: 'Sign a draft as one role; the signer re-enters the PIN (the signer may differ from who is logged in).',
  }),
  'slips.post': method({
    input: z.object({
      slipId: Id,
      /** dispatch/return: what the keeper picked (scanned) per line; lines left out count as 0 */
      picked: z.array(z.object({ lineId: Id, qty: z.number().int().min(0).max(1_000_000_000) })).max(500).optional(),
      /** the keeper confirms posting less than the slip says (short pick) */
      confirmShort: z.boolean().default(false),
    }),
    output: Slip,
    access: ['keeper'],
    write: true,
    doc: 'Post a draft to the books (进仓 / 出库 / 退货入库) through the FIFO layers.',
  }),
  'slips.reverse': method({
    input: z.object({ slipId: Id, reason: Name(200) }),
    output: z.object({ original: Slip, reversal: Slip }),
    access: ['keeper', 'manager'],
    write: true,
    doc: 'Reverse a posted slip (红字冲销): a new posted slip that puts back exactly what the original moved.',
  }),
  'slips.void': method({
    input: z.object({ slipId: Id, reason: Name(200) }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Void a draft (作废); its number stays used.',
  }),
  'slips.get': method({
    input: z.union([z.object({ slipId: Id }), z.object({ no: Name(40) })]),
    output: Slip,
    access: 'any',
    write: false,
    doc: 'One slip with lines and signatures, by id or number.',
  }),
  'slips.list': method({
    input: z.object({
      kind: SlipKind.optional(),
      state: SlipState.optional(),
      from: DateStr.optional(),
      to: DateStr.optional(),
      customerId: Id.optional(),
      query: Text(50).default(''),
      ...Page,
    }),
    output: z.object({ rows: z.array(SlipSummary), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Slips by number, date, kind, state or customer, newest first.',
  }),

  'stock.card': method({
    input: z.object({
      itemId: Id,
      from: DateStr.optional(),
      to: DateStr.optional(),
      /** the last moveId of the previous page */
      cursor: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      item: Item,
      from: z.string().nullable(),
      to: z.string().nullable(),
      opening: Balance,
      rows: z.array(StockCardRow),
      nextCursor: Id.nullable(),
      closing: Balance,
    }),
    access: STOCK_READERS,
    write: false,
    doc: 'The stock card (库存明细账) of one item: opening balance, FIFO rows, balance after each; paged.',
  }),
  'stock.onHand': method({
    input: z.object({
      itemIds: z.array(Id).max(10000).optional(),
      query: Text(50).default(''),
      belowSafetyOnly: z.boolean().default(false),
    }),
    output: z.object({ rows: z.array(OnHandRow), totalQty: z.number().int(), totalAmountFen: z.number().int() }),
    access: [...STOCK_READERS, 'sales'],
    write: false,
    doc: 'On-hand quantity and value per item and in total.',
  }),

  'system.verify': method({
    input: Empty,
    output: VerifyReport,
    access: ['admin', 'manager'],
    write: false,
    doc: 'Check every ledger invariant and the audit hash chain.',
  }),

  // ---------------------------------------------------------------- documents (printing)
  'documents.render': method({
    input: z.object({
      ...docTargetFields,
      /** render the paper of a print-log entry (from documents.recordPrint): its copies, paper and 补打 mark */
      printId: Id.optional(),
    }),
    output: RenderedDocument,
    access: DOC_RENDERERS,
    write: false,
    doc: 'A document as PDF: a preview, or with printId the pages of a logged print (documents.recordPrint first).',
  }),
  'documents.recordPrint': method({
    input: z.object(docTargetFields),
    output: PrintRecord,
    access: DOC_PRINTERS,
    write: true,
    doc: 'Log that a document goes to the printer (which copies, which print of it: 2nd and later are 补打); then render it with the returned id.',
  }),
  'documents.printLog': method({
    input: z.object({ slipId: Id.optional(), itemId: Id.optional(), ...Page }),
    output: z.object({ rows: z.array(PrintRecord), total: z.number().int() }),
    access: DOC_PRINTERS,
    write: false,
    doc: 'Prints of a slip or stock card (or all), newest first.',
  }),
  'documents.verifyQr': method({
    input: z.object({ payload: z.string().max(1000) }),
    output: QrCheck,
    access: 'any',
    write: false,
    doc: 'Check a scanned slip QR: is it this office’s, and does the paper still match the books?',
  }),
  'documents.publicKey': method({
    input: Empty,
    output: z.object({ officeName: z.string(), publicKeyPem: z.string(), fingerprint: z.string() }),
    access: 'any',
    write: false,
    doc: 'The office’s public key (PEM) and its fingerprint, for HQ to check printed slips offline (scripts/verify-slip.ts).',
  }),
  'documents.settings': method({
    input: Empty,
    output: PrintSettings,
    access: 'any',
    write: false,
    doc: 'Paper size and the copies (联) each kind of slip prints in.',
  }),
  'documents.updateSettings': method({
    input: z.object({
      paper: PaperSize.optional(),
      copies: z
        .object({ dispatch: CopyNames.optional(), inbound: CopyNames.optional(), return: CopyNames.optional(), reversal: CopyNames.optional() })
        .optional(),
    }),
    output: PrintSettings,
    access: ['manager', 'admin'],
    write: true,
    doc: 'Set the paper size (A5 landscape / A4 portrait) and the copies each slip kind prints in.',
  }),

  // finance: cash.*, receivables.*, expenses.*, budgets.*, dayClose.* (shared/schemas/finance.ts)
  ...financeMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

/**
 * Per call, beside the input: the login session token (the `token` auth.login answers with) and
 * an optional client request id (idempotency). Every door and its wire format names them so.
 */
export interface CallMeta {
  sessionToken?: string;
  requestId?: string;
}

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Roles that may create each kind of slip (the core enforces it; the UI uses it to offer actions). */
export const SLIP_CREATE_ROLES: Record<CreatableSlipKind, readonly Role[]> = {
  inbound: ['keeper', 'statistician'],
  dispatch: ['sales', 'statistician', 'manager'],
  return: ['sales', 'statistician', 'keeper', 'manager'],
};

/** Signatures a slip needs before the keeper may post it, in the order they are given. */
export const SLIP_SIGNATURES: Record<SlipKind, readonly Role[]> = {
  inbound: [],
  dispatch: ['manager', 'finance'],
  return: ['manager'],
  reversal: [],
};

/** Two letters each: a slip number is prefix + yyyyMMdd + serial (verify relies on the widths). */
export const SLIP_PREFIX: Record<SlipKind, string> = {
  inbound: 'JC', // 进仓单
  dispatch: 'FH', // 发货单
  return: 'TH', // 退货单
  reversal: 'HC', // 红字冲销
};

export const SLIP_KIND_ZH: Record<SlipKind, string> = {
  inbound: '进仓单',
  dispatch: '发货单',
  return: '退货单',
  reversal: '红字冲销单',
};

export const PAYMENT_MODE_ZH: Record<PaymentMode, string> = {
  cash: '现金',
  wechat: '微信',
  alipay: '支付宝',
  bank: '银行转账',
  credit: '赊销(挂账)',
};
