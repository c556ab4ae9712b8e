// The one rpc envelope (electron/rpc/envelope.ts): every limit and every malformed request gets
// the same coded refusal, word for word, from the parser, from the IPC channel's parser (a value
// that arrived decoded), from browser mode's POST /rpc and from a real `desk rpc` process.
// (The IPC handler's own wiring is checked in tests/web/electron-shell.test.ts.)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { ENVELOPE_LIMITS, callEnvelope, parseEnvelope, parseEnvelopeText, type EnvelopeCore } from '../../electron/rpc/envelope';
import type { CallMeta } from '../../shared/contract';
import type { DeskErrorShape } from '../../shared/errors';
import { RpcClient, tempDir } from '../helpers/cli';
import { makeCore, type TestCore } from '../helpers';
import { postRpc } from '../helpers/web';

const L = ENVELOPE_LIMITS;
const json = (v: unknown) => JSON.stringify(v);

/** A malformed request as it goes on the wire, and the refusal every door must give it. */
interface Case {
  name: string;
  text: string;
  code: 'bad_json' | 'bad_request' | 'too_large';
  field?: string;
}

const CASES: Case[] = [
  { name: 'not JSON', text: '{"method": "office.get", ', code: 'bad_json' },
  { name: 'an array', text: '[{"method": "office.get"}]', code: 'bad_request', field: '' },
  { name: 'a string', text: '"office.get"', code: 'bad_request', field: '' },
  { name: 'null', text: 'null', code: 'bad_request', field: '' },
  { name: 'a number', text: '42', code: 'bad_request', field: '' },
  { name: 'no method', text: json({ input: {} }), code: 'bad_request', field: 'method' },
  { name: 'an empty method', text: json({ method: '' }), code: 'bad_request', field: 'method' },
  { name: 'a method that is not a string', text: json({ method: 7 }), code: 'bad_request', field: 'method' },
  { name: 'a method over the limit', text: json({ method: 'x'.repeat(L.maxMethodChars + 1) }), code: 'bad_request', field: 'method' },
  { name: 'a session token that is a number', text: json({ method: 'auth.whoami', sessionToken: 42 }), code: 'bad_request', field: 'sessionToken' },
  { name: 'an empty session token', text: json({ method: 'auth.whoami', sessionToken: '' }), code: 'bad_request', field: 'sessionToken' },
  {
    name: 'a session token over the limit',
    text: json({ method: 'auth.whoami', sessionToken: 'a'.repeat(L.maxSessionTokenChars + 1) }),
    code: 'bad_request',
    field: 'sessionToken',
  },
  { name: 'a request id that is an object', text: json({ method: 'office.get', requestId: {} }), code: 'bad_request', field: 'requestId' },
  { name: 'an empty request id', text: json({ method: 'office.get', requestId: '' }), code: 'bad_request', field: 'requestId' },
  { name: 'a request id with a space', text: json({ method: 'office.get', requestId: 'post 7' }), code: 'bad_request', field: 'requestId' },
  { name: 'a request id with Chinese', text: json({ method: 'office.get', requestId: '过账-7' }), code: 'bad_request', field: 'requestId' },
  {
    name: 'a request id over the limit',
    text: json({ method: 'office.get', requestId: 'r'.repeat(L.maxRequestIdChars + 1) }),
    code: 'bad_request',
    field: 'requestId',
  },
  { name: 'the old name of the session token', text: json({ method: 'auth.whoami', session: 'abc' }), code: 'bad_request', field: 'session' },
  { name: 'the old IPC meta', text: json({ method: 'auth.whoami', meta: { token: 'abc' } }), code: 'bad_request', field: 'meta' },
  { name: 'a body over the byte limit', text: json({ method: 'office.get', input: { pad: 'x'.repeat(L.maxBytes) } }), code: 'too_large' },
];

/** What reaches the core's own checks: each at a limit, none refused by the envelope. */
const AT_THE_LIMITS: { name: string; envelope: Record<string, unknown>; code: string | null }[] = [
  { name: `a method of ${L.maxMethodChars} characters`, envelope: { method: 'x'.repeat(L.maxMethodChars) }, code: 'unknown_method' },
  {
    name: `a session token of ${L.maxSessionTokenChars} characters`,
    envelope: { method: 'auth.whoami', sessionToken: 'a'.repeat(L.maxSessionTokenChars) },
    code: 'not_logged_in',
  },
  {
    name: `a request id of ${L.maxRequestIdChars} characters`,
    envelope: { method: 'office.get', requestId: `${'r'.repeat(L.maxRequestIdChars - 36)}${crypto.randomUUID()}` },
    code: null,
  },
  { name: 'null session token and request id, no input', envelope: { method: 'office.get', sessionToken: null, requestId: null }, code: null },
  {
    name: `a body just under ${L.maxBytes} bytes`,
    envelope: { method: 'office.get', input: { pad: 'x'.repeat(L.maxBytes - 60) } },
    code: 'invalid_input',
  },
];

/** The refusal the parser gives a case: the one every door must repeat. */
function expected(c: Case): DeskErrorShape {
  const p = parseEnvelopeText(c.text);
  if (p.ok) throw new Error(`${c.name}: the parser accepted it`);
  return p.error;
}

describe('the parser', () => {
  it.each(CASES)('refuses $name with $code', (c) => {
    const e = expected(c);
    expect(e.code).toBe(c.code);
    if (c.field !== undefined) expect(e.details.field).toBe(c.field);
    expect(e.message_zh).toMatch(/^请求/);
    expect(e.message_en).toMatch(/^(Malformed request|The request)/);
  });

  it('says which limit was passed', () => {
    expect(expected(CASES.find((c) => c.code === 'too_large')!)).toEqual({
      code: 'too_large',
      message_zh: '请求内容过大(上限 1 MB)',
      message_en: 'The request is too large (limit 1 MB)',
      details: { limitBytes: 1024 * 1024 },
    });
    const method = expected(CASES.find((c) => c.name === 'a method over the limit')!);
    expect(method.message_zh).toBe(`请求格式有误: method 须是 1–${L.maxMethodChars} 个字符的操作名`);
    expect(method.message_en).toBe(`Malformed request: method must be a method name of 1–${L.maxMethodChars} characters`);
  });

  it('counts bytes, not characters: Chinese text takes three each', () => {
    const pad = '汉'.repeat(Math.floor(L.maxBytes / 3) - 10);
    expect(pad.length).toBeLessThan(L.maxBytes);
    const p = parseEnvelopeText(json({ method: 'office.get', input: { pad } }));
    expect(p.ok ? null : p.error.code).toBe('too_large');
  });

  it('gives the IPC channel (a value already decoded) the same refusals as text', () => {
    for (const c of CASES) {
      if (c.code === 'bad_json') continue; // a decoded value is JSON already: see the next test
      expect(parseEnvelope(JSON.parse(c.text)), c.name).toMatchObject({ ok: false, error: expected(c) });
    }
  });

  it('refuses an IPC value that is not JSON as bad_json', () => {
    const cyclic: Record<string, unknown> = { method: 'office.get' };
    cyclic.input = cyclic;
    for (const v of [cyclic, { method: 'office.get', input: { n: 10n } }, undefined]) {
      const p = parseEnvelope(v);
      expect(p.ok ? null : p.error.code).toBe('bad_json');
    }
  });

  it('takes a door’s own fields only for that door, and gives them back', () => {
    const line = json({ id: 7, method: 'office.get' });
    const cli = parseEnvelopeText(line, { extraFields: ['id'] });
    expect(cli).toMatchObject({ ok: true, fields: { id: 7 }, envelope: { method: 'office.get' } });
    expect(parseEnvelopeText(line)).toMatchObject({ ok: false, error: { code: 'bad_request', details: { field: 'id' } } });
    // a refused line that was an object still gives its id back
    expect(parseEnvelopeText(json({ id: 'x', method: 7 }), { extraFields: ['id'] })).toMatchObject({ ok: false, fields: { id: 'x' } });
  });

  it('tells "no session token sent" from "explicitly none"', () => {
    const env = (o: object) => {
      const p = parseEnvelopeText(json({ method: 'auth.whoami', ...o }));
      if (!p.ok) throw new Error(p.error.message_en);
      return p.envelope;
    };
    expect(env({}).sessionToken).toBeUndefined();
    expect(env({ sessionToken: null }).sessionToken).toBeNull();
    expect(env({ sessionToken: 'abc' }).sessionToken).toBe('abc');
    expect(env({ requestId: null }).requestId).toBeUndefined();
  });
});

describe('callEnvelope', () => {
  const seen: CallMeta[] = [];
  const fake: EnvelopeCore = {
    async callUnknown(method, _input, meta = {}) {
      seen.push(meta);
      if (method === 'boom') throw new Error('kaput');
      return { ok: true, value: method };
    },
  };
  const envelope = (sessionToken: string | null | undefined) => ({ method: 'auth.whoami', input: {}, sessionToken, requestId: 'r-1' });

  it('uses the envelope’s session token, or (none sent) the one the door remembers', async () => {
    seen.length = 0;
    await callEnvelope(fake, envelope('mine'), 'remembered');
    await callEnvelope(fake, envelope(undefined), 'remembered');
    await callEnvelope(fake, envelope(null), 'remembered');
    await callEnvelope(fake, envelope(undefined));
    expect(seen).toEqual([
      { sessionToken: 'mine', requestId: 'r-1' },
      { sessionToken: 'remembered', requestId: 'r-1' },
      { sessionToken: undefined, requestId: 'r-1' },
      { sessionToken: undefined, requestId: 'r-1' },
    ]);
  });

  it('answers a core that throws with internal instead of throwing', async () => {
    const r = await callEnvelope(fake, { method: 'boom', input: {}, sessionToken: undefined, requestId: undefined });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message_en: 'Internal error: kaput' } });
  });
});

describe('every door gives the same refusal', () => {
  let t: TestCore;
  let web: WebServer;
  let tmp: ReturnType<typeof tempDir>;
  let cli: RpcClient;

  beforeAll(async () => {
    t = await makeCore();
    web = await startWebServer({ core: t.core, staticDir: t.dir, port: 0 });
    tmp = tempDir('desk-doors-');
    cli = new RpcClient(tmp.path('office.sqlite'));
  });

  afterAll(async () => {
    await cli?.end();
    await web?.close();
    t?.close();
    tmp?.remove();
  });

  it.each(CASES)('browser mode (POST /rpc): $name', async (c) => {
    const r = await postRpc(web, c.text);
    expect(r.status).toBe(c.code === 'too_large' ? 413 : 400);
    expect(r.json()).toEqual({ ok: false, error: expected(c) });
  });

  it.each(CASES)('desk rpc (one line, id echoed): $name', async (c) => {
    // the CLI's own field beside the envelope's, when the line is an object at all; echoed when
    // the line could be read (not when it is not JSON, or too large to be read at all)
    const withId = c.text.startsWith('{') && c.code === 'bad_request';
    const r = await cli.send(withId ? `{"id": "case", ${c.text.slice(1)}` : c.text);
    expect(r).toEqual({ id: withId ? 'case' : null, ok: false, error: expected(c) });
  });

  it.each(AT_THE_LIMITS)('every door lets through $name', async ({ envelope, code }) => {
    const viaParser = parseEnvelopeText(json(envelope));
    expect(viaParser.ok).toBe(true);
    const viaIpc = parseEnvelope(envelope);
    expect(viaIpc.ok).toBe(true);
    const direct = viaIpc.ok ? await callEnvelope(t.core, viaIpc.envelope) : null;
    const viaWeb = (await postRpc(web, envelope)).json();
    const viaCli = await cli.send(json({ id: 1, ...envelope }));
    for (const [door, r] of [
      ['ipc', direct],
      ['web', viaWeb],
      ['cli', viaCli],
    ] as const) {
      expect(r?.ok, door).toBe(code === null);
      if (code !== null) expect(r && !r.ok ? r.error?.code : null, door).toBe(code);
    }
  });
});
