import { useEffect, useRef } from 'react';
import { claimScans, type ScanEvent, type ScanLevel } from './bus';

/**
 * Take scans while this component is mounted (and `enabled`): the latest mounted claimant wins,
 * so an open dialog takes scans from the slip under it, and gives them back when it closes.
 */
export function useScan(handler: (e: ScanEvent) => void, enabled = true, level: ScanLevel = 'screen'): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    return claimScans((e) => ref.current(e), level);
  }, [enabled, level]);
}
