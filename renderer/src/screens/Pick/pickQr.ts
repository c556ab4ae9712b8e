// On the pick screens the printed slip's QR (BD1|…) opens that slip for picking: the core checks
// the QR (documents.verifyQr) and says what the books have; a signed dispatch or an approved return
// still in draft opens, anything else is said plainly. Checking a paper stays in the header's 核验单据.

import { useEffect, useRef } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { navigate } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { isSlipQr } from '../../printing/QrDesk';
import { beep } from '../../scan/beep';
import { interceptScans } from '../../scan/bus';

type QrCheck = Output<'documents.verifyQr'>;

export type PickQrAnswer = { open: number; no: string } | { key: MsgKey; no: string; why?: MsgKey };

/** What a scanned slip QR means on the pick screen: the slip to open, or why not. */
export function pickTargetOf(check: QrCheck): PickQrAnswer {
  const s = check.slip;
  const no = s?.no ?? check.no ?? '';
  if (!s || check.status === 'foreign') return { key: 'pick.qrForeign', no };
  if (check.status === 'altered') return { key: 'pick.qrAltered', no };
  const notReady = (why: MsgKey): PickQrAnswer => ({ key: 'pick.qrNotReady', no, why });
  if (s.state === 'void') return notReady('pick.qrWhyVoid');
  if (s.state === 'posted') return notReady('pick.qrWhyPosted');
  if (s.kind !== 'dispatch' && s.kind !== 'return') return notReady('pick.qrWhyKind');
  if (s.missingSignatures.length) return notReady('pick.qrWhyUnsigned');
  return { open: s.id, no };
}

/** While mounted, a slip QR scanned opens that slip's pick (`say` tells the keeper what happened). */
export function usePickByQr(say: (ok: boolean, text: string) => void): void {
  const { t } = useI18n();
  const sayRef = useRef(say);
  sayRef.current = say;
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(
    () =>
      interceptScans(
        isSlipQr,
        (e) =>
          void (async () => {
            const r = await call('documents.verifyQr', { payload: e.code.trim().slice(0, 1000) });
            if (!r.ok) {
              beep('error');
              return sayRef.current(false, tRef.current('pick.qrFailed'));
            }
            const a = pickTargetOf(r.value);
            if ('open' in a) {
              beep('ok');
              sayRef.current(true, tRef.current('pick.qrOpening', { no: a.no }));
              return navigate(`/pick/${a.open}`);
            }
            beep('error');
            sayRef.current(false, tRef.current(a.key, { no: a.no, why: a.why ? tRef.current(a.why) : '' }));
          })(),
        'screen',
      ),
    [],
  );
}
