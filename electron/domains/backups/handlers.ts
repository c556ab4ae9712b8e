// backups.*: the settings, the status bar's word, the list, a backup now and a restore. The runner
// (service.ts BackupJobs) is the core's; handlers reach it through ctx.backups.

import type { Handlers } from '../context';
import { actor, signoff } from '../context';
import * as repo from './repo';
import { checkFolder } from './rules';

export const backupsHandlers = {
  'backups.settings': (_input, ctx) => repo.settings(ctx.db),
  'backups.setSettings': (input, ctx) => {
    checkFolder(input.folder);
    repo.setSettings(ctx.db, { folder: input.folder, dailyTime: input.dailyTime, at: ctx.nowIso, userId: actor(ctx).id });
    return repo.settings(ctx.db);
  },
  'backups.status': (_input, ctx) => ctx.backups.status(ctx.db),
  'backups.list': (_input, ctx) => ctx.backups.list(ctx.db),
  'backups.runNow': (_input, ctx) => ctx.backups.run('manual', actor(ctx)),
  'backups.restore': async (input, ctx) => {
    const me = actor(ctx);
    signoff(ctx, { user: me.id, pin: input.pin }, 'admin');
    return ctx.backups.restore(input.file, me);
  },
} satisfies Partial<Handlers>;
