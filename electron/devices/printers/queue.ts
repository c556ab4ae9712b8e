// The operating system's print queue, raw.
// - Linux and macOS: CUPS's `lp -d <queue> -o raw` (the queue set up with the printer's "raw" or
//   "Generic Text-Only" driver passes the ESC/POS bytes as they are).
// - Windows: the spooler takes a job of datatype RAW only through the Win32 API (OpenPrinter,
//   StartDocPrinter with DOC_INFO_1.pDatatype = "RAW", WritePrinter). Node reaches it without a
//   native module through PowerShell, which compiles a small P/Invoke class of winspool.drv (as
//   Microsoft's own "send raw data to a printer" sample does): the printer's name goes in an
//   environment variable (no quoting of names with spaces or Chinese), the bytes as base64 on stdin.
//   The queue's driver may be the printer's own or "Generic / Text Only": RAW bypasses it.

import { spawn } from 'node:child_process';
import { PrinterError, failureOf, within } from './errors';

/** A queue's name: CUPS names are ASCII without spaces; Windows names may have spaces and Chinese. */
export function isQueueName(name: string): boolean {
  return name.length <= 127 && /^[\p{L}\p{N}_.()#-](?:[\p{L}\p{N} _.()#-]*[\p{L}\p{N}_.()#-])?$/u.test(name);
}

/** The PowerShell that sends stdin (base64) to the printer named by BD_PRINTER as one RAW job. */
export const WINDOWS_RAW_SCRIPT = [
  '$ErrorActionPreference = "Stop"',
  'Add-Type -TypeDefinition @"',
  'using System; using System.Runtime.InteropServices;',
  'public static class BdRaw {',
  '  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)] public class DOCINFO { public string pDocName; public string pOutputFile; public string pDatatype; }',
  '  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern bool OpenPrinter(string name, out IntPtr h, IntPtr d);',
  '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool ClosePrinter(IntPtr h);',
  '  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern int StartDocPrinter(IntPtr h, int level, [In] DOCINFO di);',
  '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndDocPrinter(IntPtr h);',
  '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool StartPagePrinter(IntPtr h);',
  '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndPagePrinter(IntPtr h);',
  '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool WritePrinter(IntPtr h, byte[] b, int n, out int written);',
  '  public static void Send(string name, byte[] bytes) {',
  '    IntPtr h; if (!OpenPrinter(name, out h, IntPtr.Zero)) throw new Exception("no printer named " + name + " (" + Marshal.GetLastWin32Error() + ")");',
  '    try {',
  '      var di = new DOCINFO { pDocName = "Branch Desk receipt", pDatatype = "RAW" };',
  '      if (StartDocPrinter(h, 1, di) == 0) throw new Exception("StartDocPrinter " + Marshal.GetLastWin32Error());',
  '      StartPagePrinter(h); int w; bool ok = WritePrinter(h, bytes, bytes.Length, out w); EndPagePrinter(h); EndDocPrinter(h);',
  '      if (!ok || w != bytes.Length) throw new Exception("WritePrinter wrote " + w + " of " + bytes.Length);',
  '    } finally { ClosePrinter(h); }',
  '  }',
  '}',
  '"@',
  '[BdRaw]::Send($env:BD_PRINTER, [Convert]::FromBase64String([Console]::In.ReadToEnd()))',
].join('\n');

/** How a job reaches the queue on this platform: the program, its arguments, its environment, its stdin. */
export function queueCommand(queue: string, bytes: Buffer, platform: NodeJS.Platform, program?: string) {
  if (platform === 'win32')
    return {
      program: program ?? 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_RAW_SCRIPT],
      env: { ...process.env, BD_PRINTER: queue },
      stdin: Buffer.from(bytes.toString('base64'), 'ascii'),
    };
  return { program: program ?? 'lp', args: ['-d', queue, '-o', 'raw'], env: process.env, stdin: bytes };
}

export async function sendQueue(
  queue: string,
  bytes: Buffer,
  timeoutMs: number,
  program?: string,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  if (!isQueueName(queue)) throw new PrinterError('not_found', `not a queue name: ${queue}`);
  const cmd = queueCommand(queue, bytes, platform, program);
  const child = spawn(cmd.program, cmd.args, { stdio: ['pipe', 'ignore', 'pipe'], env: cmd.env, windowsHide: true });
  const done = new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('error', (e) =>
      reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new PrinterError('unsupported', `${cmd.program} not found`) : failureOf(e)),
    );
    child.once('close', (code) => (code === 0 ? resolve() : reject(new PrinterError('refused', err.trim().slice(0, 300) || `${cmd.program} exit ${code}`))));
    child.stdin.on('error', () => {}); // a refused queue closes stdin early; the exit code says why
    child.stdin.end(cmd.stdin);
  });
  await within(done, timeoutMs, `${cmd.program} ${queue}`, () => child.kill());
}
