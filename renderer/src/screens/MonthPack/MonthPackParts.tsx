// The parts of the 月报 tab: what the month still lacks (blockers and warnings, from
// monthPack.status), the signed record (signer, time, SHA-256, key, chain head), the manager's PIN
// dialog, and the banner's list of what is missing.

import { useState } from 'react';
import type { MonthPackProblem, MonthPackSigned, MonthPackStatus } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { PinInput } from '../../components/people';
import { ErrorLine, Field } from '../../components/ui';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';

export function ProblemList({ problems, testId }: { problems: MonthPackProblem[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <ul className="mp-problems" data-testid={testId}>
      {problems.map((p) => (
        <li key={p.code} data-code={p.code} className={p.blocker ? 'blocker' : 'warning'}>
          <span className="mp-mark">{p.blocker ? t('mp.blocker') : t('mp.warning')}</span>
          {lang === 'zh' ? p.message_zh : p.message_en}
        </li>
      ))}
    </ul>
  );
}

export function OpenMonth({ status }: { status: MonthPackStatus }) {
  const { t, lang } = useI18n();
  return (
    <div className="mp-body">
      <h3>{t('mp.parts')}</h3>
      <ul className="mp-parts">
        {status.parts.map((p) => (
          <li key={p.key}>
            {p.key} {lang === 'zh' ? p.title_zh : p.title_en}
          </li>
        ))}
      </ul>
      <h3>{t('mp.problems')}</h3>
      {status.problems.length ? <ProblemList problems={status.problems} testId="mp-problems" /> : <p className="ok-text">{t('mp.none')}</p>}
    </div>
  );
}

export function SignedRecord({ month, signed }: { month: string; signed: MonthPackSigned }) {
  const { t, lang } = useI18n();
  const rows: [string, string][] = [
    [t('mp.parts'), signed.parts.map((p) => `${p.key} ${lang === 'zh' ? p.title_zh : p.title_en}`).join(' · ')],
    [t('mp.signer'), signed.signedBy.name],
    [t('mp.signedAt'), formatDateTime(signed.signedAt)],
    [t('mp.sha256'), signed.sha256],
    [t('mp.fingerprint'), signed.keyFingerprint],
    [t('mp.chainHead'), t('mp.chainHeadValue', { seq: signed.auditHead.seq, hash: signed.auditHead.hash })],
  ];
  return (
    <div className="mp-body" data-testid="mp-signed">
      <h3>{t('mp.signed', { month })}</h3>
      <table className="fin-table mp-record">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <td>{k}</td>
              <td className="mp-code">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('mp.verifyHint', { month })}</p>
    </div>
  );
}

/** The manager's PIN; the core refuses while a blocker stands, naming every one. */
export function SignPackDialog(p: { month: string; onSigned(s: MonthPackStatus): void; onCancel(): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const r = await call('monthPack.sign', { month: p.month, pin });
    setBusy(false);
    if (r.ok) p.onSigned(r.value);
    else (setError(r.error), setPin(''));
  };
  return (
    <FormDialog
      title={t('mp.sign.title', { month: p.month })}
      confirmText={t('mp.sign.confirm')}
      busy={busy || pin.length < 4}
      onConfirm={() => void submit()}
      onCancel={p.onCancel}
    >
      <p className="dialog-text">{t('mp.sign.explain')}</p>
      <Field label={t('login.pin')}>
        <PinInput autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="mp-pin" />
      </Field>
      <ErrorLine error={error} />
    </FormDialog>
  );
}
