// auth.* (log-in, sessions) and users.* (people, roles, PINs, signature images).

import { fail } from '../../../shared/errors';
import { actor, type Handlers } from '../context';
import { activeUsers, allUsersWithSignatureFlag, getUser, signaturePng, userChanges } from './repo';
import { mayTouchSignature } from './rules';
import { createUser, setSignature, updateUser } from './service';

export const usersHandlers = {
  'auth.users': (_input, ctx) => activeUsers(ctx.db).map((u) => ({ id: u.id, name: u.name, title: u.title, roles: u.roles })),

  'auth.login': (input, ctx) => {
    const user = ctx.auth.checkPin(ctx.db, input.user, input.pin);
    return { sessionToken: ctx.auth.createSession(user.id), user };
  },

  'auth.logout': (_input, ctx) => {
    ctx.auth.endSession(ctx.sessionToken);
    return { ok: true as const };
  },

  'auth.whoami': (_input, ctx) => getUser(ctx.db, actor(ctx).id)!,

  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  'users.list': (_input, ctx) => allUsersWithSignatureFlag(ctx.db),
  'users.changes': (input, ctx) => userChanges(ctx.db, input.limit),

  'users.setSignature': (input, ctx) => {
    mayTouchSignature(ctx, input.userId);
    return setSignature(ctx, input);
  },

  'users.signature': (input, ctx) => {
    mayTouchSignature(ctx, input.userId);
    const png = signaturePng(ctx.db, input.userId);
    if (png === undefined) fail('not_found', { what: 'user', what_zh: '用户', key: input.userId });
    return { pngBase64: png ? Buffer.from(png).toString('base64') : null };
  },
} satisfies Partial<Handlers>;
