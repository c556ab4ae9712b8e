// What the report tabs share: loading a report by its inputs, again on F5.

import { useCallback, useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { useHotkeys } from '../../hooks/hotkeys';

/** The report's answer for `input` (null: not asked yet), read again on F5; `input` null asks nothing. */
export function useReport<M extends MethodName>(method: M, input: Input<M> | null) {
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    if (key === 'null') return;
    const r = await call(method, JSON.parse(key) as Input<M>);
    if (r.ok) (setData(r.value), setError(null));
    else setError(r.error);
  }, [method, key]);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({ F5: () => void load() });
  return { data, error };
}
