// `desk rpc`: the core over a line protocol, for scripts. One JSON request per line in, one JSON
// response per line out, strictly in order (each request is answered, and its answer written out,
// before the next line is read):
//
//   → {"id": 1, "method": "auth.login", "input": {"user": "王强", "pin": "4444"}}
//   ← {"id": 1, "ok": true, "value": {"sessionToken": "…", "user": {…}}}
//   → {"id": 2, "method": "slips.post", "input": {"slipId": 7}, "requestId": "post-7"}
//   ← {"id": 2, "ok": false, "error": {"code": "…", "message_zh": "…", "message_en": "…", "details": {…}}}
//
// Each line is the rpc envelope every door takes (electron/rpc/envelope.ts) plus `id`, which is
// echoed back as given (null when absent or when the line is not an object). `requestId` makes a
// write idempotent: a retry with the same id gets the first answer and posts nothing twice.
// Sessions: after a successful auth.login its token is remembered and used for later requests; a
// request may name its own `sessionToken`, or `"sessionToken": null` to call without one.
// auth.logout of the remembered session forgets it. Blank lines are skipped. A malformed line gets
// the envelope's refusal (bad_json, bad_request, too_large) and the loop goes on.

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Result } from '../../shared/contract';
import type { DeskErrorShape } from '../../shared/errors';
import { callEnvelope, parseEnvelopeText, sessionTokenOf, type EnvelopeCore } from '../rpc/envelope';

export type RpcCore = EnvelopeCore;

export type RpcResponse = { id: unknown; ok: true; value: unknown } | { id: unknown; ok: false; error: DeskErrorShape };

const CLI_FIELDS = ['id'] as const;

/** Holds the remembered session and answers one line at a time. */
export class RpcSession {
  private sessionToken: string | undefined;

  constructor(private readonly core: RpcCore) {}

  get rememberedSessionToken(): string | undefined {
    return this.sessionToken;
  }

  async handleLine(line: string): Promise<RpcResponse> {
    const parsed = parseEnvelopeText(line, { extraFields: CLI_FIELDS });
    const id = parsed.fields?.id ?? null;
    if (!parsed.ok) return { id, ok: false, error: parsed.error };
    const env = parsed.envelope;
    const sessionToken = sessionTokenOf(env, this.sessionToken);
    const result: Result<unknown> = await callEnvelope(this.core, env, this.sessionToken);
    if (!result.ok) return { id, ok: false, error: result.error };
    if (env.method === 'auth.login') {
      const t = (result.value as { sessionToken?: unknown } | null)?.sessionToken;
      if (typeof t === 'string') this.sessionToken = t;
    } else if (env.method === 'auth.logout' && sessionToken !== undefined && sessionToken === this.sessionToken) {
      this.sessionToken = undefined;
    }
    return { id, ok: true, value: result.value };
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
