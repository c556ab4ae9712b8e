// Running the real CLI as a child process. `node --import tsx electron/cli.ts` starts in about
// 0.3 s here, against about 0.65 s for `npx tsx electron/cli.ts` (which also puts an npm process and
// a second node in front of the CLI, so a SIGKILL would not reach it): one process, killable.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'electron/cli.ts');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnDesk(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env } });
}

/** Run a command to the end; `input` is written to its stdin, which is then closed. */
export function desk(args: string[], input?: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnDesk(args);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** A temp folder for one test file's databases. */
export function tempDir(prefix = 'desk-cli-'): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RpcResponse {
  id: unknown;
  ok: boolean;
  value?: any;
  error?: { code: string; message_zh: string; message_en: string; details: Record<string, unknown> };
}

export class ProcessGone extends Error {
  constructor() {
    super('the rpc process is gone');
  }
}

/** `desk rpc` as a conversation: send one request, await its answer. */
export class RpcClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private nextId = 1;
  private waiting: { resolve(r: RpcResponse): void; reject(e: Error): void } | null = null;
  private gone = false;
  /** every line received, in order */
  readonly lines: string[] = [];

  constructor(dbPath: string) {
    this.child = spawnDesk(['rpc', '--db', dbPath]);
    this.child.stdin.on('error', () => {});
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(line);
      const w = this.waiting;
      this.waiting = null;
      w?.resolve(JSON.parse(line) as RpcResponse);
    });
    this.exited = new Promise((res) =>
      this.child.on('close', (code, signal) => {
        this.gone = true;
        this.waiting?.reject(new ProcessGone());
        this.waiting = null;
        res({ code, signal });
      }),
    );
  }

  /** Send one request line and wait for its answer (requests are answered strictly in order). */
  call(method: string, input?: unknown, extra: { requestId?: string; sessionToken?: string | null } = {}): Promise<RpcResponse> {
    return this.send(JSON.stringify({ id: this.nextId++, method, input, ...extra }));
  }

  send(line: string): Promise<RpcResponse> {
    if (this.gone) return Promise.reject(new ProcessGone());
    if (this.waiting) return Promise.reject(new Error('one request at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.stdin.write(line + '\n');
    });
  }

  /** Close stdin and wait for the process to exit. */
  async end(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.stdin.end();
    return this.exited;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
