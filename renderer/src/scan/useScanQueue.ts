// Scans for a slip are handled one at a time, in order, and none is dropped: while the screen is
// busy with one (a lookup, an "unknown code" dialog) the next ones wait in the queue. `process`
// gets the code and the whole scan (a GS1 scan's batch, expiry and count); a GS1 scan the core
// could not read is not processed: it buzzes and goes to `refused`.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanEvent } from './bus';
import { useScan } from './useScan';
import { beep } from './beep';
import type { DeskErr } from '../api';

export function useScanQueue(
  process: (code: string, scan: ScanEvent) => Promise<void>,
  /** arrived: called the moment a scan arrives, before it waits its turn; refused: a GS1 scan that does not read */
  opts: { paused?: boolean; enabled?: boolean; arrived?: (code: string) => void; refused?: (e: DeskErr) => void } = {},
): { waiting: number } {
  const queue = useRef<ScanEvent[]>([]);
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
        const scan = queue.current.shift()!;
        setWaiting(queue.current.length);
        try {
          await proc.current(scan.code, scan);
        } catch (e) {
          console.error('scan handling failed', e);
        }
      }
    } finally {
      running.current = false;
    }
  }, []);

  useScan((e: ScanEvent) => {
    if (e.refused) {
      beep('error');
      return opts.refused?.(e.refused);
    }
    opts.arrived?.(e.code);
    queue.current.push(e);
    setWaiting(queue.current.length);
    void pump();
  }, opts.enabled ?? true);

  useEffect(() => {
    if (!opts.paused) void pump();
  }, [opts.paused, pump]);

  return { waiting };
}
