// The IPC channels (checklist item 17 in main.ts): each answers only the top frame of the desk's
// own app://desk/ page. 'rpc' is the one channel into the core: the same envelope every door parses
// (rpc/envelope.ts), the input checked by the core. The paper channels are in paper.ts.

import { ipcMain } from 'electron';
import { callEnvelope, parseEnvelope, type EnvelopeCore } from '../rpc/envelope';
import { isAppUrl } from '../security';

export function refusal(code: string, zh: string, en: string) {
  return { ok: false as const, error: { code, message_zh: zh, message_en: en, details: {} } };
}

const SENDER_REFUSED = ['forbidden_sender', '拒绝来自未知页面的请求', 'Request refused: it does not come from the desk’s own page'] as const;

/** Only the top frame of the desk's own page may use the IPC channels. */
function fromDeskPage(event: { senderFrame?: { url: string; parent: unknown } | null }): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** `channel` answered by `answer` for the desk's own page, refused (forbidden_sender) for any other sender. */
export function handleFromDesk(channel: string, answer: (req: unknown) => Promise<unknown>): void {
  ipcMain.handle(channel, async (event, req: unknown) => {
    if (!fromDeskPage(event)) return refusal(...SENDER_REFUSED);
    return answer(req);
  });
}

/** 'rpc': the envelope to the core, once it is open (`core()` is null until then). */
export function registerRpc(core: () => EnvelopeCore | null): void {
  handleFromDesk('rpc', async (req) => {
    const open = core();
    if (!open) return refusal('not_ready', '数据库尚未打开', 'The database is not open yet');
    const parsed = parseEnvelope(req);
    if (!parsed.ok) return { ok: false as const, error: parsed.error };
    return callEnvelope(open, parsed.envelope);
  });
}
