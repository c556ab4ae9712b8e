// How browser mode answers: JSON with no-store and nosniff; the transport refusals (wrong host,
// origin, desk token, path, method …) with their HTTP status and a message in Chinese and English;
// the envelope's own refusals (bad_json, bad_request, too_large) with theirs.

import type { ServerResponse } from 'node:http';
import type { DeskErrorShape } from '../../shared/errors';
import type { EnvelopeErrorCode } from '../rpc/envelope';

export interface TransportError {
  ok: false;
  error: { code: string; message_zh: string; message_en: string; details: Record<string, unknown> };
}

const TRANSPORT: Record<string, [status: number, zh: string, en: string]> = {
  bad_host: [403, '请求的主机名不是本机的办事处仓财台', 'This request is not addressed to this desk (Host)'],
  bad_origin: [403, '拒绝来自其他网站的请求', 'Requests from other sites are refused (Origin)'],
  no_desk_token: [401, '请求缺少访问令牌, 请刷新页面', 'The request carries no desk token: reload the page'],
  bad_desk_token: [403, '访问令牌无效(服务可能已重启), 请刷新页面', 'Wrong desk token (the server may have restarted): reload the page'],
  bad_path: [400, '请求的路径无效', 'Malformed path'],
  bad_content_type: [415, '请求内容类型须为 application/json', 'The request must be sent as application/json'],
  method_not_allowed: [405, '不支持此请求方法', 'Method not allowed'],
  forbidden_path: [403, '拒绝访问此路径', 'This path is refused'],
  not_found: [404, '找不到请求的文件', 'Not found'],
  no_renderer: [503, '界面文件尚未构建, 请先运行 npx electron-vite build', 'The renderer has not been built: run npx electron-vite build'],
  internal: [500, '服务器内部错误', 'Internal server error'],
};

export type TransportCode = keyof typeof TRANSPORT;

/** The HTTP status of the envelope's refusals (their codes and texts come from the error catalogue). */
const ENVELOPE_STATUS: Record<EnvelopeErrorCode, number> = { bad_json: 400, bad_request: 400, too_large: 413 };

export function transportError(code: TransportCode, details: Record<string, unknown> = {}): { status: number; body: TransportError } {
  const [status, zh, en] = TRANSPORT[code];
  return { status, body: { ok: false, error: { code, message_zh: zh, message_en: en, details } } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(data.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(data);
}

/** Answers with a transport refusal. */
export function fail(res: ServerResponse, code: TransportCode, details: Record<string, unknown> = {}, extra: Record<string, string> = {}): void {
  const { status, body } = transportError(code, details);
  sendJson(res, status, body, extra);
}

/** Answers with one of the envelope's refusals. */
export function refuse(res: ServerResponse, error: DeskErrorShape, extra: Record<string, string> = {}): void {
  sendJson(res, ENVELOPE_STATUS[error.code as EnvelopeErrorCode] ?? 400, { ok: false, error }, extra);
}
