// Scans for a slip are handled one at a time, in order, and none is dropped: while the screen is
// busy with one (a lookup, an "unknown code" dialog) the next ones wait in the queue.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanEvent } from './bus';
import { useScan } from './useScan';

export function useScanQueue(
  process: (code: string) => Promise<void>,
  /** arrived: called the moment a scan arrives, before it waits its turn */
  opts: { paused?: boolean; enabled?: boolean; arrived?: (code: string) => void } = {},
): { waiting: number } {
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const paused = useRef(!!opts.paused);
  paused.current = !!opts.paused;
  const proc = useRef(process);
  proc.current = process;
  const [waiting, setWaiting] = useState(0);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queue.current.length && !paused.current) {
        const code = queue.current.shift()!;
        setWaiting(queue.current.length);
        try {
          await proc.current(code);
        } catch (e) {
          console.error('scan handling failed', e);
        }
      }
    } finally {
      running.current = false;
    }
  }, []);

  useScan((e: ScanEvent) => {
    opts.arrived?.(e.code);
    queue.current.push(e.code);
    setWaiting(queue.current.length);
    void pump();
  }, opts.enabled ?? true);

  useEffect(() => {
    if (!opts.paused) void pump();
  }, [opts.paused, pump]);

  return { waiting };
}
