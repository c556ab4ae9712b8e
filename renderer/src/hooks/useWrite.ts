// One write from a form: busy while the call runs, the error it answered, and the request id of
// the attempt (a double press sends the same id, so the core books it once; a failed attempt
// gets a new one).

import { useRef, useState } from 'react';
import { newRequestId, type ApiResult, type DeskErr } from '../api';

export interface Write {
  busy: boolean;
  error: DeskErr | null;
  setError(e: DeskErr | null): void;
  /** send with the attempt's request id; onOk with the answer, or the error shown (and onFail) */
  run<T>(send: (requestId: string) => Promise<ApiResult<T>>, onOk: (value: T) => void, onFail?: (e: DeskErr) => void): Promise<void>;
}

export function useWrite(): Write {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());
  const run: Write['run'] = async (send, onOk, onFail) => {
    setBusy(true);
    const r = await send(requestId.current);
    setBusy(false);
    if (r.ok) return onOk(r.value);
    setError(r.error);
    requestId.current = newRequestId();
    onFail?.(r.error);
  };
  return { busy, error, setError, run };
}
