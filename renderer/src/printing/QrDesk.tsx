// 单据核验 at the desk: the QR on a printed slip (BD1|no|hash|signature) scanned with the desk's
// scanner on ANY screen — it is taken before the screen or dialog on top sees it — or pasted into
// 核验单据, is checked by the core (documents.verifyQr) and the answer is said plainly: genuine and
// matching the books, reversed (红字冲销, naming the reversal), altered, void, or not ours.

import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { formatFen } from '../../../shared/money';
import { call, type DeskErr } from '../api';
import { Dialog } from '../components/Dialog';
import { Btn, ErrorLine } from '../components/ui';
import { navigate } from '../hooks/router';
import { useI18n, type MsgKey } from '../i18n';
import { interceptScans } from '../scan/bus';
import { beep } from '../scan/beep';
import './printing.css';

type QrCheck = Output<'documents.verifyQr'>;

export const QR_PREFIX = 'BD1|';
export const isSlipQr = (code: string): boolean => code.toUpperCase().startsWith(QR_PREFIX);

const HEADLINE: Record<QrCheck['status'], MsgKey> = {
  genuine: 'qr.genuine',
  reversed: 'qr.reversed',
  altered: 'qr.altered',
  void: 'qr.void',
  foreign: 'qr.foreign',
};

const openers = new Set<() => void>();
/** Open 核验单据 (paste a QR payload), e.g. from the header. */
export function openVerifyDialog(): void {
  for (const fn of openers) fn();
}

export function QrDesk({ enabled }: { enabled: boolean }) {
  const [state, setState] = useState<{ mode: 'paste' } | { mode: 'result'; check: QrCheck } | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);

  const verify = async (payload: string) => {
    const r = await call('documents.verifyQr', { payload: payload.trim().slice(0, 1000) });
    if (!r.ok) {
      beep('error');
      setError(r.error);
      setState({ mode: 'paste' });
      return;
    }
    setError(null);
    beep(r.value.status === 'genuine' ? 'ok' : 'error');
    setState({ mode: 'result', check: r.value });
  };

  // while 核验单据 is open, a QR scanned is checked even on a screen that takes QRs itself (the pick screens)
  const showing = enabled && !!state;
  useEffect(() => (showing ? interceptScans(isSlipQr, (e) => void verify(e.code), 'screen') : undefined), [showing]);

  useEffect(() => {
    if (!enabled) return;
    const offScan = interceptScans(isSlipQr, (e) => void verify(e.code));
    const open = () => {
      setError(null);
      setState({ mode: 'paste' });
    };
    openers.add(open);
    return () => {
      offScan();
      openers.delete(open);
    };
  }, [enabled]);

  if (!enabled || !state) return null;
  const close = () => {
    setState(null);
    setError(null);
  };
  if (state.mode === 'paste') return <PasteDialog error={error} onCancel={close} onVerify={(p) => void verify(p)} />;
  return <QrResultDialog check={state.check} onClose={close} onAgain={() => setState({ mode: 'paste' })} />;
}

function PasteDialog({ error, onCancel, onVerify }: { error: DeskErr | null; onCancel(): void; onVerify(p: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const ok = text.trim().length > 0;
  return (
    <Dialog
      title={t('qr.pasteTitle')}
      onCancel={onCancel}
      onConfirm={() => ok && onVerify(text)}
      width={560}
      scans="pass"
      footer={
        <>
          <Btn onClick={onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" disabled={!ok} onClick={() => onVerify(text)} hotkey="Enter">
            {t('qr.verify')}
          </Btn>
        </>
      }
    >
      <p className="dialog-text">{t('qr.pasteHint')}</p>
      <input
        className="input mono qr-paste"
        autoFocus
        value={text}
        placeholder="BD1|FH…|…|…"
        maxLength={1000}
        onChange={(e) => setText(e.target.value)}
        data-testid="qr-paste"
      />
      <ErrorLine error={error} />
    </Dialog>
  );
}

export function QrResultDialog({ check, onClose, onAgain }: { check: QrCheck; onClose(): void; onAgain(): void }) {
  const { t, lang, kind, state: stateName } = useI18n();
  const s = check.slip;
  const rev = s?.reversedBy?.no ?? '';
  const good = check.status === 'genuine';
  const open = s
    ? () => {
        onClose();
        navigate(`/slips/${s.id}`);
      }
    : undefined;
  return (
    <Dialog
      title={t('qr.title')}
      onCancel={onClose}
      onConfirm={open ?? onClose}
      width={560}
      scans="pass"
      footer={
        <>
          <Btn onClick={onAgain}>{t('qr.pasteAnother')}</Btn>
          <Btn onClick={onClose} hotkey="Esc">
            {t('qr.close')}
          </Btn>
          {open ? (
            <Btn variant="primary" onClick={open} hotkey="Enter" data-autofocus>
              {t('qr.openSlip')}
            </Btn>
          ) : null}
        </>
      }
    >
      <div className={`qr-verdict qr-${check.status}`} role="status" data-testid="qr-verdict" data-status={check.status}>
        <span className="qr-mark">{good ? '✔' : check.status === 'foreign' ? '✖' : '!'}</span>
        <div>
          <div className="qr-headline">{t(HEADLINE[check.status], { rev: rev || '—' })}</div>
          <div className="qr-detail">{lang === 'zh' ? check.message_zh : check.message_en}</div>
        </div>
      </div>
      {s ? (
        <dl className="qr-summary">
          <div>
            <dt>{t('qr.slip')}</dt>
            <dd>
              {kind(s.kind)} <span className="mono">{s.no}</span> · {stateName(s.state)}
            </dd>
          </div>
          <div>
            <dt>{t('slip.date')}</dt>
            <dd>{s.businessDate}</dd>
          </div>
          {s.customerName || s.supplierName ? (
            <div>
              <dt>{s.supplierName ? t('inbound.supplier') : t('dispatch.customer')}</dt>
              <dd>{s.customerName ?? s.supplierName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('qr.totals')}</dt>
            <dd>{t('qr.totalsValue', { lines: s.lineCount, qty: s.totalQty, amount: s.totalAmountFen == null ? '—' : formatFen(s.totalAmountFen) })}</dd>
          </div>
          {s.reversedBy ? (
            <div>
              <dt>{t('slip.reversedBy')}</dt>
              <dd className="mono neg-amount">{s.reversedBy.no}</dd>
            </div>
          ) : null}
        </dl>
      ) : check.no ? (
        <div className="muted">
          {t('qr.claims')} <span className="mono">{check.no}</span>
        </div>
      ) : null}
    </Dialog>
  );
}
