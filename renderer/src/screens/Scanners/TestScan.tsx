// 试扫: whatever is scanned on the 扫描枪 tab shows here — the code, its symbology, which scanner
// read it (wedge or HID-POS, and whether this desk takes that scanner's scans), a GS1 symbol's
// elements, and the item the code finds (items.findByBarcode). Nothing goes into a slip.

import { useCallback, useEffect, useState } from 'react';
import type { HidScan } from '../../../../shared/bridge';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { useI18n, type MsgKey } from '../../i18n';
import { beep, rawHidScans, takesScan, useScan, type ScanEvent } from '../../scan';
import { gs1Words } from '../../scan/gs1Words';

interface Shown {
  scan: ScanEvent;
  /** a HID scan this desk does not take (another scanner than the chosen one) */
  ignored: boolean;
  found: Output<'items.findByBarcode'> | null | undefined;
}

function useTestScans(): Shown | null {
  const [shown, setShown] = useState<Shown | null>(null);
  const look = useCallback((scan: ScanEvent, ignored: boolean) => {
    setShown({ scan, ignored, found: undefined });
    void call('items.findByBarcode', { code: scan.code }).then((r) => setShown((s) => (s?.scan === scan ? { ...s, found: r.ok ? r.value : null } : s)));
  }, []);
  useScan((e) => {
    beep(e.refused ? 'error' : 'ok');
    if (e.refused) setShown({ scan: e, ignored: false, found: null });
    else look(e, false);
  });
  // the scans of a scanner this desk does not take reach no screen: shown here only
  useEffect(() => rawHidScans((s: HidScan) => void (takesScan(s) || look(s, true))), [look]);
  return shown;
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <tr>
      <th>{label}</th>
      <td data-testid={testId}>{children}</td>
    </tr>
  );
}

export function TestScan() {
  const { t, err } = useI18n();
  const shown = useTestScans();
  const s = shown?.scan;
  const g = s?.gs1;
  const found = shown?.found;
  return (
    <div className="panel test-scan" data-testid="test-scan">
      <div className="subhead">{t('scn.test')}</div>
      <div className="muted">{t('scn.testHint')}</div>
      {s ? (
        <table className="kv-table">
          <tbody>
            <Row label={t('scn.code')} testId="test-scan-code">
              <span className="mono">{s.code}</span>
            </Row>
            <Row label={t('scn.symbology')} testId="test-scan-symbology">
              {s.symbology ?? '—'}
            </Row>
            <Row label={t('scn.source')}>
              {t(`scn.source.${s.source}` as MsgKey)}
              {s.device ? <span className="mono"> {s.device}</span> : null}
              {shown.ignored ? <div className="warn-text">{t('scn.notChosen')}</div> : null}
            </Row>
            {g ? (
              <Row label={t('scn.gs1')} testId="test-scan-gs1">
                {gs1Words(t, g)}
              </Row>
            ) : null}
            {s.refused ? (
              <Row label={t('scn.problem')} testId="test-scan-refused">
                <span className="warn-text">{err(s.refused)}</span>
              </Row>
            ) : null}
            {s.expired ? (
              <Row label={t('scn.expiry')}>
                <span className="warn-text">{t('dv.expired', { date: g?.expiry ?? '' })}</span>
              </Row>
            ) : null}
            <Row label={t('scn.item')} testId="test-scan-item">
              {found === undefined
                ? '…'
                : found
                  ? t('scn.itemFound', { code: found.item.code, name: found.item.name, qty: found.packQty, unit: found.item.unit })
                  : t('scn.itemNone')}
            </Row>
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
