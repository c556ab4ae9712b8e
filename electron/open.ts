// Opening the office for a long-running door (the Electron shell, browser mode): the core on the
// database file, and with `--demo` the demo office from electron/demo/demo-office.json, loaded
// through the core's own methods, but only into a database that has no office yet. Once open, the
// printing engine is warmed in the background (fonts parsed) so the first print is not the slow one,
// and the daily backup's schedule starts (domains/backups/service.ts).
// Electron-free.

import { createCore, type Core } from './core';
import { seedOffice, type OfficeFixture } from './demo/seed';
import demo from './demo/demo-office.json';
import { warmPrinting } from './printing/pdf';
import type { SecretWrapper } from './store/vault';

export interface OpenDeskOptions {
  dbPath: string;
  nativeBinding?: string;
  /** seed the demo office if the database has no office yet */
  demo?: boolean;
  clock?: () => Date;
  /** the OS keychain for the office's secrets file (the Electron shell's safeStorage), if any */
  secretWrapper?: SecretWrapper | null;
}

export interface OpenedDesk {
  core: Core;
  /** true when this start loaded the demo office */
  seeded: boolean;
  officeName: string | null;
}

export async function openDesk(opts: OpenDeskOptions): Promise<OpenedDesk> {
  const core = await createCore({ dbPath: opts.dbPath, nativeBinding: opts.nativeBinding, clock: opts.clock, secretWrapper: opts.secretWrapper });
  try {
    let seeded = false;
    let office = await core.call('office.get', {});
    if (!office.ok) throw new Error(`${office.error.code}: ${office.error.message_en}`);
    if (opts.demo && !office.value.initialised) {
      await seedOffice(core, demo as unknown as OfficeFixture);
      seeded = true;
      office = await core.call('office.get', {});
      if (!office.ok) throw new Error(`${office.error.code}: ${office.error.message_en}`);
    }
    // the daily backup: checked now and every minute while the desk is open
    core.backups.startSchedule();
    // while the clerk logs in: the first print then answers as fast as the next ones
    setTimeout(() => void warmPrinting().catch((e: unknown) => console.warn('[desk] printing warm-up failed:', e)), 0).unref();
    return { core, seeded, officeName: office.value.office?.name ?? null };
  } catch (e) {
    core.close();
    throw e;
  }
}
