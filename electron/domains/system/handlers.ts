// system.*: checks over the whole database.

import type { Handlers } from '../context';
import { verifyBooks } from './verify';

export const systemHandlers = {
  'system.verify': (_input, ctx) => verifyBooks(ctx.db, ctx.dbPath),
} satisfies Partial<Handlers>;
