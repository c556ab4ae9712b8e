// Sign a slip as one role: the signer (who may not be the person logged in) picks themself and
// types their PIN. The roles offered are the ones still missing, in the order the office requires.
// Finance signing a credit sale over the customer's limit is asked for the manager's PIN next.

import type { Slip } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { formatFen } from '../../../shared/money';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';
import { DialogButtons } from './FormDialog';
import { PersonSelect, PinInput } from './people';
import { ErrorLine, Field } from './ui';
import { useSignForm, type SignForm } from './useSignForm';
import type { OverOnHand } from '../slip/lineMessages';

/** `over`: the lines asking for more than is on hand, listed in red for the signer to see. */
export function SignDialog(p: { slip: Slip; onSigned(s: Slip): void; onCancel(): void; over?: readonly OverOnHand[] }) {
  const { t, role: roleName } = useI18n();
  const f = useSignForm(p.slip, p.onSigned);
  return (
    <Dialog
      title={t('sign.title', { no: p.slip.no })}
      onCancel={p.onCancel}
      onConfirm={f.submit}
      footer={
        <DialogButtons
          confirmText={f.creditErr ? t('fin.override.confirm') : t('sign.confirm')}
          disabled={f.busy || f.userId === null || f.pin.length < 4}
          onConfirm={f.submit}
          onCancel={p.onCancel}
        />
      }
    >
      <p className="dialog-text">{t('sign.explain')}</p>
      {p.over?.length ? <OverOnHandList over={p.over} /> : null}
      <div className="form-grid">
        <Field label={t('sign.role')}>
          <select className="input" value={f.role} onChange={(e) => f.setRole(e.target.value as Role)}>
            {p.slip.missingSignatures.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sign.signer')}>
          <PersonSelect people={f.signers} value={f.userId ?? ''} onChange={f.setUserId} empty={t('sign.noSigner')} selectRef={f.signerRef} />
        </Field>
        <Field label={t('login.pin')}>
          <PinInput ref={f.pinRef} autoFocus value={f.pin} onChange={(e) => f.setPin(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={f.error} />
      {f.creditErr ? <CreditOverride f={f} /> : null}
    </Dialog>
  );
}

/** 超出信用额度: the limit, what is owed, this sale and after it; the manager's PIN lets it through. */
function CreditOverride({ f }: { f: SignForm }) {
  const { t } = useI18n();
  const cd = (f.creditErr?.details ?? {}) as { limitFen?: number; balanceFen?: number; amountFen?: number };
  const firstManager = f.managers[0]?.id;
  return (
    <div className="credit-override">
      <div className="subhead">{t('fin.override.title')}</div>
      <table className="fin-table">
        <tbody>
          <tr>
            <td>{t('fin.override.limit')}</td>
            <td className="num">{formatFen(cd.limitFen ?? 0)}</td>
            <td>{t('fin.override.owes')}</td>
            <td className="num">{formatFen(cd.balanceFen ?? 0)}</td>
          </tr>
          <tr>
            <td>{t('fin.override.amount')}</td>
            <td className="num">{formatFen(cd.amountFen ?? 0)}</td>
            <td>{t('fin.override.after')}</td>
            <td className="num neg-amount">{formatFen((cd.balanceFen ?? 0) + (cd.amountFen ?? 0))}</td>
          </tr>
        </tbody>
      </table>
      <p className="dialog-text">{t('fin.override.explain')}</p>
      <div className="form-grid">
        <Field label={t('fin.override.manager')}>
          <PersonSelect people={f.managers} value={f.override.user ?? firstManager ?? ''} onChange={(id) => f.setOverride((o) => ({ ...o, user: id }))} />
        </Field>
        <Field label={t('fin.override.pin')}>
          <PinInput
            ref={f.mgrPinRef}
            value={f.override.pin}
            onChange={(e) => f.setOverride((o) => ({ ...o, user: o.user ?? firstManager ?? null, pin: e.target.value }))}
          />
        </Field>
      </div>
    </div>
  );
}

/** 超出库存: each line above what is on hand, its quantity against the stock, in red. */
function OverOnHandList({ over }: { over: readonly OverOnHand[] }) {
  const { t } = useI18n();
  return (
    <div className="over-onhand-list" role="alert">
      <div className="subhead">{t('msg.overOnHandTitle')}</div>
      <ul>
        {over.map((o) => (
          <li key={o.line.key} className="bad-text">
            {t('num.onLine', { line: o.index + 1, msg: `${o.line.itemCode} ${o.line.itemName}` })} · {t('msg.qtyVsOnHand', { qty: o.qty, onHand: o.onHand })}
          </li>
        ))}
      </ul>
    </div>
  );
}
