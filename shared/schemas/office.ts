// The office itself (office.*): whether it is set up, setting it up once, and its settings.

import { z } from 'zod';
import { Base64, Empty, Name, Pin, Text, method } from './common';
import { User } from './users';

/** How the stock card writes a customer return: 红字发出 (a negative issue, the default) or 收入. */
export const ReturnsOnCard = z.enum(['redIssue', 'receipt']);
export type ReturnsOnCard = z.infer<typeof ReturnsOnCard>;

export const Office = z.object({
  name: z.string(),
  shortName: z.string(),
  timezone: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  address: z.string(),
  phone: z.string(),
  /** the HQ (上级公司/总部) the office reports to */
  hqName: z.string(),
  /** the printer slips go to by default, as the system names it; null: none chosen */
  defaultPrinter: z.string().nullable(),
  /** how many digits a new PIN has: 4 (four to six) or 6 (office.setPinLength) */
  pinLength: z.union([z.literal(4), z.literal(6)]),
});
export type Office = z.infer<typeof Office>;

/** A telephone number as offices write them: digits, spaces, + - ( ) / and 转 (extension). */
export const Phone = Text(30).regex(/^[0-9+()\-/ 转]*$/, 'phone: digits, spaces, + - ( ) / 转');

export const PinLength = z.union([z.literal(4), z.literal(6)]);

/** One of the keys the office has signed with (office_keys): the current one has no retiredAt. */
export const OfficeKeyInfo = z.object({
  fingerprint: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  /** this PC holds its private half */
  here: z.boolean(),
});

/** Whether this PC holds the office's secrets (kept out of the database: the vault beside it). */
export const KeyStatus = z.object({
  initialised: z.boolean(),
  /** the office's current key is here: slips can be signed */
  canSign: z.boolean(),
  /** the PIN secret is here: PINs can be checked */
  pinSecretHere: z.boolean(),
  /** how the vault is kept on this PC: 'safeStorage' (the OS keychain) or 'file' (readable by its owner only) */
  keptBy: z.string(),
  keys: z.array(OfficeKeyInfo),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/** The key backup's password: at least 8 characters (the export is only as strong as it). */
const KeyPassword = Text(128).min(8);

/** One thing the office still lacks before the desk can be used fully (office.setupStatus). */
export const SetupItem = z.object({
  key: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
  /** the screen that fixes it, as a navigation path ("customers/suppliers") */
  screen: z.string(),
  /** the contract method that fixes it: the renderer shows the item to whoever may call it */
  method: z.string(),
  /** nice to have; the desk works without it (the printed papers take their defaults) */
  optional: z.boolean(),
});
export type SetupItem = z.infer<typeof SetupItem>;

export const officeMethods = {
  'office.get': method({
    input: Empty,
    output: z.object({
      initialised: z.boolean(),
      office: Office.nullable(),
      schemaVersion: z.number().int(),
      /** the desk's clock at the call: screens date "today" from it in the office's timezone */
      now: z.string(),
    }),
    access: 'public',
    write: false,
    doc: "Whether the office is set up, its name, timezone and public key, and the desk's clock.",
  }),
  'office.init': method({
    input: z.object({
      name: Name(100),
      shortName: Text(50).optional(),
      timezone: Text(64).default('Asia/Shanghai'),
      admin: z.object({ name: Name(30), pin: Pin }),
    }),
    output: z.object({ office: Office, admin: User }),
    access: 'public',
    write: true,
    doc: 'Create the office, its Ed25519 signing key and the first administrator. Only once.',
  }),
  'office.setReturnsOnCard': method({
    input: z.object({ returnsOnCard: ReturnsOnCard }),
    output: z.object({ returnsOnCard: ReturnsOnCard }),
    access: ['manager'],
    write: true,
    doc: 'How the stock card (and its paper) writes customer returns: 红字发出 or 收入. The manager decides.',
  }),
  'office.update': method({
    input: z.object({
      name: Name(100).optional(),
      shortName: Name(50).optional(),
      address: Text(200).optional(),
      phone: Phone.optional(),
      hqName: Text(100).optional(),
      defaultPrinter: Name(200).nullable().optional(),
    }),
    output: Office,
    access: ['admin', 'manager'],
    write: true,
    doc: "The office's details: name, short name, address, phone, the HQ it reports to, the default printer. Only the fields given change.",
  }),
  'office.setupStatus': method({
    input: Empty,
    output: z.object({ missing: z.array(SetupItem) }),
    access: 'any',
    write: false,
    doc: 'What the office still lacks (no supplier, no customer, no keeper …), each with the screen that fixes it; empty once set up.',
  }),
  'office.keyStatus': method({
    input: Empty,
    output: KeyStatus,
    access: 'public',
    write: false,
    doc: "Whether this PC holds the office's signing key and PIN secret (the log-in screen and the banner say so when not), and every key the office has signed with.",
  }),
  'office.newKey': method({
    input: z.object({ pin: Pin }),
    output: KeyStatus,
    access: ['manager'],
    write: true,
    doc: 'The manager (his PIN again) makes a new signing key; the current one is retired and kept, so what it signed still verifies.',
  }),
  'office.setPinLength': method({
    input: z.object({ pinLength: PinLength }),
    output: z.object({ pinLength: PinLength }),
    access: ['admin', 'manager'],
    write: true,
    doc: 'How many digits new and changed PINs have: 4 (four to six) or 6. PINs already set keep working.',
  }),
  'office.exportKeys': method({
    input: z.object({ password: KeyPassword }),
    output: z.object({ fileName: z.string(), sealedSecrets: z.string(), fingerprints: z.array(z.string()) }),
    access: ['admin'],
    write: false,
    doc: "The office's keys and PIN secret sealed under a password (密钥备份), to keep apart from the backups. A read: the sealed file is never stored in the database.",
  }),
  'office.importKeys': method({
    input: z.object({ sealedSecrets: Base64(20_000), password: Text(128).min(1) }),
    output: KeyStatus.extend({ importedKeys: z.number().int(), importedPinSecrets: z.number().int() }),
    access: 'public',
    write: true,
    doc: "Restores the office's keys and PIN secret from a key backup onto this PC (a new PC: nobody can log in before). Only this office's secrets are taken; a wrong password imports nothing.",
  }),
} as const;
