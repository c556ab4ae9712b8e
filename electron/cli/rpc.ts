// `desk rpc`: the core over a line protocol, for scripts. One JSON request per line in, one JSON
// response per line out, strictly in order (each request is answered, and its answer written out,
// before the next line is read):
//
//   → {"id": 1, "method": "auth.login", "input": {"user": "王强", "pin": "4444"}}
//   ← {"id": 1, "ok": true, "value": {"token": "…", "user": {…}}}
//   → {"id": 2, "method": "slips.post", "input": {"slipId": 7}, "requestId": "post-7"}
//   ← {"id": 2, "ok": false, "error": {"code": "…", "message_zh": "…", "message_en": "…", "details": {…}}}
//
// `id` is echoed back as given (null when absent). `requestId` makes a write idempotent: a retry
// with the same id gets the first answer and posts nothing twice. Sessions: after a successful
// auth.login the token is remembered and used for later requests; a request may name its own
// `session` (a token), or `"session": null` to call without one. auth.logout of the remembered
// session forgets it. Blank lines are skipped. A line that is not JSON, not an object, or has no
// method is answered with invalid_input and the loop goes on.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CallMeta, Result } from '../../shared/contract';
import { DeskError, type DeskErrorShape } from '../../shared/errors';

export interface RpcCore {
  callUnknown(method: unknown, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
}

export type RpcResponse = { id: unknown; ok: true; value: unknown } | { id: unknown; ok: false; error: DeskErrorShape };

function invalid(summary_zh: string, summary_en: string): DeskErrorShape {
  return new DeskError('invalid_input', { summary_zh, summary_en }).toJSON();
}

/** Holds the remembered session and answers one line at a time. */
export class RpcSession {
  private token: string | undefined;

  constructor(private readonly core: RpcCore) {}

  get rememberedToken(): string | undefined {
    return this.token;
  }

  async handleLine(line: string): Promise<RpcResponse> {
    let req: unknown;
    try {
      req = JSON.parse(line);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { id: null, ok: false, error: invalid(`这一行不是有效的 JSON (${why})`, `the line is not valid JSON (${why})`) };
    }
    if (req === null || typeof req !== 'object' || Array.isArray(req))
      return { id: null, ok: false, error: invalid('请求须是一个 JSON 对象', 'a request must be a JSON object') };
    const r = req as Record<string, unknown>;
    const id = r.id === undefined ? null : r.id;
    if (typeof r.method !== 'string' || r.method === '')
      return { id, ok: false, error: invalid('请求缺少 method(操作名, 字符串)', 'the request has no method (a string)') };
    if (r.requestId !== undefined && (typeof r.requestId !== 'string' || r.requestId.length === 0 || r.requestId.length > 200))
      return { id, ok: false, error: invalid('requestId 须是 1–200 个字符的字符串', 'requestId must be a string of 1–200 characters') };
    if (r.session !== undefined && r.session !== null && typeof r.session !== 'string')
      return { id, ok: false, error: invalid('session 须是字符串(会话令牌)或 null', 'session must be a string (a session token) or null') };

    const token = r.session === null ? undefined : typeof r.session === 'string' ? r.session : this.token;
    const meta: CallMeta = { sessionToken: token, requestId: r.requestId as string | undefined };
    let result: Result<unknown>;
    try {
      result = await this.core.callUnknown(r.method, r.input, meta);
    } catch (e) {
      // callUnknown answers every failure itself; this is a last line of defence.
      const message = e instanceof Error ? e.message : String(e);
      return { id, ok: false, error: new DeskError('internal', { message }).toJSON() };
    }
    if (result.ok) {
      if (r.method === 'auth.login') {
        const t = (result.value as { token?: unknown } | null)?.token;
        if (typeof t === 'string') this.token = t;
      } else if (r.method === 'auth.logout' && token !== undefined && token === this.token) {
        this.token = undefined;
      }
      return { id, ok: true, value: result.value };
    }
    return { id, ok: false, error: result.error };
  }
}

/** Write one chunk and wait until the stream has taken it (so a response is out before the next request runs). */
function writeOut(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Serve requests from `input` until it ends; returns how many lines were answered.
 * Stops early (without throwing) if `output` is closed by the reader.
 */
export async function serveRpc(core: RpcCore, input: Readable, output: Writable): Promise<{ answered: number }> {
  const session = new RpcSession(core);
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let answered = 0;
  let broken = false;
  const onError = () => {
    broken = true;
  };
  output.on('error', onError);
  try {
    for await (const line of rl) {
      if (line.trim() === '') continue;
      const response = await session.handleLine(line);
      try {
        await writeOut(output, JSON.stringify(response) + '\n');
      } catch {
        broken = true;
      }
      if (broken) break;
      answered++;
    }
  } finally {
    rl.close();
    output.off('error', onError);
  }
  return { answered };
}
