// Office-level print settings (office_settings): the paper a slip prints on and the copies (联)
// each kind of slip prints in. Keys that were never set take the defaults below.

import type { DB } from '../../store/db';
import { sql } from '../../store/db';
import type { PaperSize, PrintSettings, SlipKind } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';

export const DEFAULT_SETTINGS: PrintSettings = {
  paper: 'A5',
  copies: {
    dispatch: ['第一联 存根', '第二联 客户', '第三联 财务', '第四联 仓库'],
    inbound: ['第一联 存根', '第二联 财务', '第三联 仓库'],
    return: ['第一联 存根', '第二联 客户', '第三联 财务', '第四联 仓库'],
    reversal: ['第一联 存根', '第二联 财务', '第三联 仓库'],
  },
};

const KEY_PAPER = 'print.paper';
const KEY_COPIES = 'print.copies';

function getValue<T>(db: DB, key: string): T | undefined {
  const v = sql(db, 'SELECT value FROM office_settings WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? undefined : (JSON.parse(v) as T);
}

function setValue(db: DB, key: string, value: unknown, at: string, by: number | null): void {
  sql(
    db,
    `INSERT INTO office_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), at, by);
}

export function printSettings(db: DB): PrintSettings {
  const paper = getValue<PaperSize>(db, KEY_PAPER) ?? DEFAULT_SETTINGS.paper;
  const copies = { ...DEFAULT_SETTINGS.copies, ...(getValue<Partial<PrintSettings['copies']>>(db, KEY_COPIES) ?? {}) };
  return { paper, copies };
}

export function updatePrintSettings(
  db: DB,
  change: { paper?: PaperSize; copies?: Partial<Record<SlipKind, string[]>> },
  at: string,
  by: number | null,
): PrintSettings {
  if (change.paper) setValue(db, KEY_PAPER, change.paper, at, by);
  if (change.copies) {
    const current = getValue<Partial<PrintSettings['copies']>>(db, KEY_COPIES) ?? {};
    const next = { ...current };
    for (const [k, v] of Object.entries(change.copies)) {
      if (!v) continue;
      const names = v.map((s) => s.trim());
      if (new Set(names).size !== names.length)
        throw new DeskError('invalid_input', { summary_zh: '各联名称不能重复', summary_en: 'copy names must differ' });
      next[k as SlipKind] = names;
    }
    setValue(db, KEY_COPIES, next, at, by);
  }
  return printSettings(db);
}
