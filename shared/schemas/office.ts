// The office itself (office.*): whether it is set up, setting it up once, and its settings.

import { z } from 'zod';
import { Empty, Name, Pin, Text, method } from './common';
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
});
export type Office = z.infer<typeof Office>;

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
} as const;
