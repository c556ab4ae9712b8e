// reads.*: the read log for the manager (保密制度). The rows are written by the core after a logged read (core/readLog.ts).

import type { Handlers } from '../context';
import { readLog } from './repo';

export const readsHandlers = {
  'reads.log': (input, ctx) => readLog(ctx.db, input),
} satisfies Partial<Handlers>;
