// A scan that no screen takes (e.g. on a list): a slip number opens the slip; an item barcode
// opens its stock card when the role may read it.

import { useEffect } from 'react';
import { call } from '../api';
import { navigate } from '../hooks/router';
import { claimScans } from '../scan';
import { beep } from '../scan/beep';

export const SLIP_NO_RE = /^(JC|FH|TH|HC)\d{9,}$/i;

export function useGlobalScanFallback(enabled: boolean, canReadCards: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    return claimScans((e) => {
      void (async () => {
        if (SLIP_NO_RE.test(e.code)) {
          const r = await call('slips.get', { no: e.code.toUpperCase() });
          if (r.ok) {
            beep('ok');
            navigate(`/slips/${r.value.id}`);
            return;
          }
        }
        const f = canReadCards ? await call('items.findByBarcode', { code: e.code }) : null;
        if (f?.ok) {
          beep('ok');
          navigate(`/card/${f.value.item.id}`);
        } else beep('error');
      })();
    }, 'fallback');
  }, [enabled, canReadCards]);
}
