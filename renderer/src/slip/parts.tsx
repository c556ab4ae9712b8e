// Pieces shared by the slip screens: the scan panel, totals, signature badges and table, the
// payment mode field.

import type { Role } from '../../../shared/roles';
import type { Ref } from 'react';
import type { PaymentMode, Signature, Slip, SlipKind } from '../../../shared/contract';
import { PAYMENT_MODES, SLIP_SIGNATURES } from '../../../shared/contract';
import { formatFenSafe } from '../numbers';
import { formatDateTime } from '../i18n/clock';
import { Badge } from '../components/ui';
import { PrintButtons } from '../printing/PrintButtons';
import { useI18n } from '../i18n';
import type { ScanMessage } from './useLineScanner';
import type { SlipDraft } from './useSlipDraft';

export function ScanPanel({ message, waiting, prompt }: { message: ScanMessage | null; waiting: number; prompt: string }) {
  const { t } = useI18n();
  return (
    <div className={`scan-panel ${message ? (message.warn ? 'scan-warn' : message.ok ? 'scan-ok' : 'scan-bad') : ''}`} aria-live="polite">
      <span className="scan-icon" aria-hidden>
        ▮▯▮▮▯▮
      </span>
      <span className="scan-text">{message ? message.text : prompt}</span>
      {waiting > 0 ? <span className="scan-waiting">{t('scan.waiting', { n: waiting })}</span> : null}
    </div>
  );
}

/** `over`: a line's amount is out of bounds, so no total is given (the line and a notice say why). */
export function Totals({ qty, amountFen, label, over }: { qty: number; amountFen: number | null; label?: string; over?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="totals">
      <span>{label ?? t('slip.totals')}</span>
      <span>
        {t('slip.totalQty')} <b className={`num ${qty < 0 ? 'neg-amount' : ''}`}>{qty.toLocaleString('en-US')}</b>
      </span>
      {amountFen !== null ? (
        <span>
          {t('slip.totalAmount')}{' '}
          {over ? (
            <b className="cell-error">{t('num.amountOver')}</b>
          ) : (
            <b className={`num ${amountFen < 0 ? 'neg-amount' : ''}`}>{formatFenSafe(amountFen, { symbol: '¥' })}</b>
          )}
        </span>
      ) : null}
    </div>
  );
}

/** 经理 ✔ · 财务 ✘ — the signatures a kind needs and whether each is there. */
export function SignatureBadges({ kind, missing, short }: { kind: SlipKind; missing: readonly Role[]; short?: boolean }) {
  const { t, role } = useI18n();
  const needed = SLIP_SIGNATURES[kind];
  if (!needed.length) return null;
  return (
    <span className="sig-badges">
      {needed.map((r) => {
        const ok = !missing.includes(r);
        return (
          <Badge key={r} ok={ok} title={ok ? t('sign.signed') : t('sign.missing')}>
            {short ? t(`sign.short.${r}` as 'sign.short.manager') : role(r)} {ok ? '✔' : '✘'}
          </Badge>
        );
      })}
    </span>
  );
}

export function SignatureTable({ slip }: { slip: Slip }) {
  const { t, role } = useI18n();
  if (!slip.requiredSignatures.length && !slip.signatures.length) return null;
  const rows: (Signature | { role: Role; missing: true })[] = [...slip.signatures, ...slip.missingSignatures.map((r) => ({ role: r, missing: true as const }))];
  return (
    <table className="sig-table">
      <thead>
        <tr>
          <th>{t('sign.role')}</th>
          <th>{t('sign.signer')}</th>
          <th>{t('sign.time')}</th>
          <th>{t('sign.validity')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s, i) =>
          'missing' in s ? (
            <tr key={`m${i}`} className="sig-missing">
              <td>{role(s.role)}</td>
              <td colSpan={3}>{t('sign.notYet')}</td>
            </tr>
          ) : (
            <tr key={`s${i}`}>
              <td>{role(s.role)}</td>
              <td>{s.userName}</td>
              <td>{formatDateTime(s.signedAt)}</td>
              <td>{s.valid ? <span className="ok-text">✔ {t('sign.valid')}</span> : <span className="bad-text">✘ {t('sign.invalid')}</span>}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/**
 * 签字 with its table, under a slip's totals; nothing for a kind nobody signs. `print`: once every
 * signature is there (and nothing changed since), its paper is printed right here, where it was signed.
 */
export function SignatureSection({ slip, print }: { slip: Slip; print?: boolean }) {
  const { t } = useI18n();
  if (!slip.requiredSignatures.length && !slip.signatures.length) return null;
  const signed = print && slip.missingSignatures.length === 0 && ['dispatch', 'return', 'writeoff', 'hqReturn'].includes(slip.kind);
  return (
    <div className="sig-section">
      <div className="subhead">
        {t('sign.title2')}
        {signed ? (
          <span className="sig-print" data-testid="sig-print">
            {t('msg.signedText')} <PrintButtons target={{ doc: slip.kind as 'dispatch' | 'return' | 'writeoff' | 'hqReturn', slipId: slip.id }} />
          </span>
        ) : null}
      </div>
      <SignatureTable slip={slip} />
    </div>
  );
}

/** 付款方式 (dispatch) / 退款方式 (return): a select over the slip's payment mode. */
export function PaymentModeSelect({ draft, disabled, selectRef }: { draft: SlipDraft; disabled: boolean; selectRef?: Ref<HTMLSelectElement> }) {
  const { t, pay } = useI18n();
  return (
    <select
      ref={selectRef}
      className="input"
      value={draft.header.paymentMode ?? ''}
      disabled={disabled}
      onChange={(e) => draft.setHeader({ paymentMode: (e.target.value || null) as PaymentMode | null })}
    >
      <option value="">{t('dispatch.choosePayment')}</option>
      {PAYMENT_MODES.map((m) => (
        <option key={m} value={m}>
          {pay(m)}
        </option>
      ))}
    </select>
  );
}
