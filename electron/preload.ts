// The preload bridge: the only thing the (sandboxed, context-isolated) renderer gets from the
// shell is window.desk = { call, mode }. `call` sends { method, input, meta } over the one 'rpc'
// channel; the main process checks the sender and the core checks everything else. Built as
// CommonJS (out/preload/preload.cjs), because sandboxed preloads cannot be ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import type { CallMeta, Result } from '../shared/contract';

export interface DeskBridge {
  call(method: string, input?: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  readonly mode: 'electron';
}

const desk: DeskBridge = {
  call: (method, input, meta) =>
    ipcRenderer.invoke('rpc', {
      method,
      input,
      meta: meta ? { token: meta.token, requestId: meta.requestId } : {},
    }) as Promise<Result<unknown>>,
  mode: 'electron',
};

contextBridge.exposeInMainWorld('desk', desk);
