// The one rpc envelope every door takes apart the same way: the Electron IPC channel (shell/ipc.ts),
// browser mode's POST /rpc (web/rpc.ts) and `desk rpc` lines (cli/rpc.ts).
//
//   { "method": "slips.post", "input": {…}, "sessionToken": "…" | null, "requestId": "…" | null }
//
// sessionToken is the login session token (what auth.login answers with): null (or absent) calls
// without one; the CLI uses the session it remembers when the field is absent. requestId makes a
// write idempotent. A door may allow fields of its own (the CLI's `id`); any other field is
// refused, so a sender still using an old name (`session`, `meta`) hears about it instead of
// silently calling as nobody, or, in the CLI, as whoever logged in last.
//
// Each limit and each malformed request gives the same coded refusal through every door:
//   bad_json     the body / line / IPC value is not JSON
//   too_large    more than ENVELOPE_LIMITS.maxBytes of JSON
//   bad_request  not an object, an unknown field, or a field of the wrong type or length
// The doors keep only their transport: the IPC sender check, HTTP Host/Origin/desk token and
// status codes, readline and the echoed `id`.

import type { CallMeta, Result } from '../../shared/contract';
import { DeskError, type DeskErrorShape } from '../../shared/errors';
import { isRequestId, MAX_REQUEST_ID_CHARS } from '../core/inputShape';

export const ENVELOPE_LIMITS = {
  /** one request as JSON: an HTTP body, a CLI line, an IPC request serialised */
  maxBytes: 1024 * 1024,
  /** method names are `domain.verb`; unknown ones are the core's to refuse (unknown_method) */
  maxMethodChars: 64,
  /** the CLI always took 1–200 characters (the core holds every caller to the same: core/inputShape.ts) */
  maxRequestIdChars: MAX_REQUEST_ID_CHARS,
  /** auth's tokens are 32 characters */
  maxSessionTokenChars: 128,
} as const;

export const ENVELOPE_FIELDS = ['method', 'input', 'sessionToken', 'requestId'] as const;

export type EnvelopeErrorCode = 'bad_json' | 'bad_request' | 'too_large';

export interface Envelope {
  method: string;
  /** anything: the core validates it against the contract */
  input: unknown;
  /** a token; null: call without a session; undefined: the field was not sent */
  sessionToken: string | null | undefined;
  requestId: string | undefined;
}

export type ParsedEnvelope =
  | { ok: true; envelope: Envelope; fields: Record<string, unknown> }
  /** fields: the request's own fields when it was at least an object (the CLI echoes its id) */
  | { ok: false; error: DeskErrorShape; fields: Record<string, unknown> | null };

export interface EnvelopeOptions {
  /** fields this door adds to the envelope (the CLI's `id`) */
  extraFields?: readonly string[];
  /** a smaller byte limit (the web server's maxBodyBytes) */
  maxBytes?: number;
}

/** Whatever a door passes along: the core's callUnknown, which trusts nothing. */
export interface EnvelopeCore {
  callUnknown(method: unknown, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
}

function refused(code: EnvelopeErrorCode, details: Record<string, unknown>, fields: Record<string, unknown> | null = null): ParsedEnvelope {
  return { ok: false, error: new DeskError(code, details).toJSON(), fields };
}

/** The refusal for a request over the byte limit (the web server also answers it before reading it all). */
export function tooLarge(limitBytes: number = ENVELOPE_LIMITS.maxBytes): DeskErrorShape {
  return new DeskError('too_large', { limitBytes }).toJSON();
}

function badField(fields: Record<string, unknown>, field: string, problem_zh: string, problem_en: string): ParsedEnvelope {
  return refused('bad_request', { field, problem_zh, problem_en }, fields);
}

const L = ENVELOPE_LIMITS;

/** The envelope's fields, checked; the value is already decoded and its size already checked. */
function readFields(value: unknown, opts: EnvelopeOptions): ParsedEnvelope {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return refused('bad_request', { field: '', problem_zh: '请求须是一个 JSON 对象', problem_en: 'a request must be a JSON object' });
  const f = value as Record<string, unknown>;
  // The text names the envelope's fields only, so every door words the refusal the same way.
  const allowed: readonly string[] = [...ENVELOPE_FIELDS, ...(opts.extraFields ?? [])];
  const unknown = Object.keys(f).find((k) => !allowed.includes(k));
  const fields = ENVELOPE_FIELDS.join(', ');
  if (unknown !== undefined) return badField(f, unknown, `未知的字段「${unknown}」(可用: ${fields})`, `unknown field "${unknown}" (expected ${fields})`);

  const { method, input, sessionToken, requestId } = f;
  if (typeof method !== 'string' || method.length === 0 || method.length > L.maxMethodChars)
    return badField(f, 'method', `method 须是 1–${L.maxMethodChars} 个字符的操作名`, `method must be a method name of 1–${L.maxMethodChars} characters`);
  if (sessionToken != null && (typeof sessionToken !== 'string' || sessionToken.length === 0 || sessionToken.length > L.maxSessionTokenChars))
    return badField(
      f,
      'sessionToken',
      `sessionToken 须是 1–${L.maxSessionTokenChars} 个字符的会话令牌, 或 null`,
      `sessionToken must be a session token of 1–${L.maxSessionTokenChars} characters, or null`,
    );
  if (requestId != null && !isRequestId(requestId))
    return badField(
      f,
      'requestId',
      `requestId 须是 1–${L.maxRequestIdChars} 个可见 ASCII 字符(不含空格), 或 null`,
      `requestId must be 1–${L.maxRequestIdChars} printable ASCII characters without spaces, or null`,
    );
  return {
    ok: true,
    envelope: {
      method,
      input,
      sessionToken: sessionToken as string | null | undefined,
      requestId: (requestId as string | null | undefined) ?? undefined,
    },
    fields: f,
  };
}

/** An envelope as text: an HTTP body or one CLI line. */
export function parseEnvelopeText(text: string | Buffer, opts: EnvelopeOptions = {}): ParsedEnvelope {
  const limit = opts.maxBytes ?? L.maxBytes;
  const bytes = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > limit) return refused('too_large', { limitBytes: limit });
  let value: unknown;
  try {
    value = JSON.parse(typeof text === 'string' ? text : text.toString('utf8'));
  } catch (e) {
    return refused('bad_json', { reason: e instanceof Error ? e.message : String(e) });
  }
  return readFields(value, opts);
}

/** An envelope that arrived already decoded (the IPC channel's structured clone): held to the same limits as text. */
export function parseEnvelope(value: unknown, opts: EnvelopeOptions = {}): ParsedEnvelope {
  const limit = opts.maxBytes ?? L.maxBytes;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    return refused('bad_json', { reason: e instanceof Error ? e.message : String(e) });
  }
  if (json === undefined) return refused('bad_json', { reason: `${typeof value} is not JSON` });
  if (Buffer.byteLength(json, 'utf8') > limit) return refused('too_large', { limitBytes: limit });
  return readFields(value, opts);
}

/** The session a call runs under: the envelope's own, or (field absent) the one the door remembers. */
export function sessionTokenOf(envelope: Envelope, remembered?: string): string | undefined {
  return envelope.sessionToken === undefined ? remembered : (envelope.sessionToken ?? undefined);
}

/** Run a parsed envelope through the core. Never throws: a throw would be the core's bug, answered as internal. */
export async function callEnvelope(core: EnvelopeCore, envelope: Envelope, rememberedSessionToken?: string): Promise<Result<unknown>> {
  try {
    return await core.callUnknown(envelope.method, envelope.input, {
      sessionToken: sessionTokenOf(envelope, rememberedSessionToken),
      requestId: envelope.requestId,
    });
  } catch (e) {
    return { ok: false, error: new DeskError('internal', { message: e instanceof Error ? e.message : String(e) }).toJSON() };
  }
}
