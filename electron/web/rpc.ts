// POST /rpc in browser mode: the checks of guards.ts, the body read within its limits, then the
// same envelope every door parses (electron/rpc/envelope.ts) handed to the core; the core's answer
// goes back with 200, errors included (they are the app's errors, shown to the user).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { callEnvelope, parseEnvelopeText, tooLarge, type EnvelopeCore } from '../rpc/envelope';
import { checkRpcRequest } from './guards';
import { fail, refuse, sendJson } from './transport';

export interface RpcDoor {
  core: EnvelopeCore;
  deskToken: string;
  /** bodies over this are refused (too_large) */
  maxBody: number;
  /** past this we stop reading and drop the connection instead of draining it */
  hardLimit: number;
}

/** The request's body, or 'too_large' past door.maxBody (the connection dropped past door.hardLimit). */
function readBody(req: IncomingMessage, door: RpcDoor): Promise<Buffer | 'too_large'> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > door.hardLimit) {
      req.destroy();
      resolvePromise('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > door.hardLimit) {
        req.destroy();
        resolvePromise('too_large');
        return;
      }
      if (size > door.maxBody) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleRpc(req: IncomingMessage, res: ServerResponse, door: RpcDoor): Promise<void> {
  const refused = checkRpcRequest(req, door.deskToken);
  if (refused) return fail(res, ...refused);
  const raw = await readBody(req, door);
  if (raw === 'too_large') return refuse(res, tooLarge(door.maxBody), { Connection: 'close' });
  const parsed = parseEnvelopeText(raw, { maxBytes: door.maxBody });
  if (!parsed.ok) return refuse(res, parsed.error);
  sendJson(res, 200, await callEnvelope(door.core, parsed.envelope));
}
