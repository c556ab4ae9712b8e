// The errors of the desk's file tools (verify, backup, restore), shared by the command line and the
// backups domain: each carries a message in Chinese and English and the command line's exit code.
//   exit 0  done (verify: the books are sound)
//   exit 1  the command ran and failed (verify found problems, a backup failed its check,
//           the database is in use, ...)
//   exit 2  bad usage, or a file that must exist does not (or must not exist and does)

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class FileError extends Error {
  constructor(
    readonly exitCode: number,
    readonly message_zh: string,
    readonly message_en: string,
    /** shown under the message, e.g. the usage line of the command */
    readonly hint?: string,
  ) {
    super(message_en);
  }
}

export class UsageError extends FileError {
  constructor(message_zh: string, message_en: string, hint?: string) {
    super(EXIT_USAGE, message_zh, message_en, hint);
  }
}

export function failed(message_zh: string, message_en: string, hint?: string): FileError {
  return new FileError(EXIT_FAILED, message_zh, message_en, hint);
}
