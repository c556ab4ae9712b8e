// What the report tabs share: loading a report by its inputs, again on F5.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, MethodName, Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { useHotkeys } from '../../hooks/hotkeys';

/** The report's answer for `input` (null: not asked yet), read again on F5; `input` null asks nothing. */
export function useReport<M extends MethodName>(method: M, input: Input<M> | null) {
  // the answer with the input it answers: another grouping or period never shows the last one's rows
  const [answer, setAnswer] = useState<{ key: string; value: Output<M> } | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const key = JSON.stringify(input);
  const current = useRef(key);
  current.current = key;
  const load = useCallback(async () => {
    if (key === 'null') return;
    const r = await call(method, JSON.parse(key) as Input<M>);
    if (current.current !== key) return; // a later input was asked meanwhile: its answer is the one to show
    if (r.ok) (setAnswer({ key, value: r.value }), setError(null));
    else setError(r.error);
  }, [method, key]);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({ F5: () => void load() });
  return { data: answer?.key === key ? answer.value : null, error };
}
