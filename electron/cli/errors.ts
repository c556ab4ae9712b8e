// Errors of the command line: each carries its exit code and a message in Chinese and English
// (FileError, shared with the backups domain that verify, backup and restore now live in).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isDeskError } from '../../shared/errors';
import { failed, UsageError, type FileError } from '../domains/backups/fileErrors';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE, FileError, UsageError, failed } from '../domains/backups/fileErrors';

/** The core could not open the database (e.g. written by a newer app): its own bilingual message when it has one. */
export function cannotOpen(path: string, e: unknown): FileError {
  if (isDeskError(e)) return failed(`无法打开数据库 ${path}: ${e.message_zh}`, `Cannot open the database ${path}: ${e.message_en}`);
  const m = e instanceof Error ? e.message : String(e);
  return failed(`无法打开数据库 ${path}: ${m}`, `Cannot open the database ${path}: ${m}`);
}

/** How an error is shown on stderr: Chinese first, then English, then the hint. */
export function formatFileError(e: FileError): string {
  const lines = [`错误: ${e.message_zh}`, `Error: ${e.message_en}`];
  if (e.hint) lines.push(e.hint);
  return lines.join('\n') + '\n';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs, strict, with its complaints turned into a bilingual UsageError. */
export function parseOptions<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg = err.message ?? String(e);
    const zh =
      err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? '未知的选项'
        : err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? '选项的值不对(缺少值, 或不该带值)'
          : err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? '多余的参数'
            : '参数有误';
    throw new UsageError(`${zh}: ${msg}`, msg, usage);
  }
}

/** A required string option. */
export function required(value: string | boolean | (string | boolean)[] | undefined, flag: string, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少必需的选项 ${flag}`, `The option ${flag} is required`, usage);
  return value;
}
