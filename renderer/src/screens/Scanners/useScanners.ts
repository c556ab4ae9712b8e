// The scanners the main process finds (renderer/src/scan/hid.ts) and the one this desk chose, as
// React state that follows hot-plug.

import { useEffect, useState } from 'react';
import type { ScannersState } from '../../../../shared/bridge';
import { chooseScanner, chosenScanner, scannersState, watchScanners } from '../../scan';

export function useScanners(): { state: ScannersState; chosen: string | null; choose(key: string | null): void } {
  const [state, setState] = useState<ScannersState>(scannersState);
  const [chosen, setChosen] = useState<string | null>(chosenScanner);
  useEffect(
    () =>
      watchScanners((s) => {
        setState(s);
        setChosen(chosenScanner());
      }),
    [],
  );
  return { state, chosen, choose: chooseScanner };
}
