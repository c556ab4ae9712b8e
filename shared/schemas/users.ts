// Who works at the desk: logging in (auth.*) and the users with their roles and signatures (users.*).

import { z } from 'zod';
import { Empty, Id, Name, Ok, Pin, PinSignoff, RoleSchema, Text, method } from './common';
import { ROLES } from '../roles';

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

/** One change of a user's roles, PIN or state, as the audit recorded it (users.changes). */
export const UserChange = z.object({
  at: z.string(),
  /** who made the change */
  by: z.string(),
  kind: z.enum(['create', 'update']),
  /** the user changed, and the second person who confirmed a grant */
  user: z.string(),
  second: z.string().nullable(),
  /** the roles set (null: unchanged) */
  roles: z.array(RoleSchema).nullable(),
  pinSet: z.boolean(),
  /** disabled / enabled (null: unchanged) */
  active: z.boolean().nullable(),
});
export type UserChange = z.infer<typeof UserChange>;

export const Session = z.object({ sessionToken: z.string(), user: User });
export type Session = z.infer<typeof Session>;

export const usersMethods = {
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
    input: z.object({
      name: Name(30),
      title: Text(50).default(''),
      roles: z.array(RoleSchema).min(1).max(ROLES.length),
      pin: Pin,
      /** granting manager, finance or admin: a second person's PIN (an administrator or the manager, not the one granting) */
      secondPin: PinSignoff.optional(),
    }),
    output: User,
    access: ['admin', 'manager'],
    write: true,
    doc: 'Add a user with one or more roles (兼任); manager, finance or admin only by an administrator with a second person’s PIN.',
  }),
  'users.update': method({
    input: z.object({
      userId: Id,
      title: Text(50).optional(),
      roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
      active: z.boolean().optional(),
      pin: Pin.optional(),
      secondPin: PinSignoff.optional(),
    }),
    output: User,
    access: ['admin', 'manager'],
    write: true,
    doc: 'Change roles, title, PIN or disable a user; granting manager, finance or admin as users.create.',
  }),
  'users.list': method({ input: Empty, output: z.array(User), access: ['admin', 'manager'], write: false, doc: 'All users.' }),
  'users.changes': method({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(UserChange),
    access: ['admin', 'manager'],
    write: false,
    doc: 'Every change of roles, PINs and user state, newest first, from the audit (who, when, what; PINs never shown).',
  }),
  'users.setSignature': method({
    input: z.object({ userId: Id, pngBase64: Text(2_000_000).nullable() }),
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
} as const;
