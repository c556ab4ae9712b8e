// Create or edit a customer or supplier: code, name, contact, phone, address, notes; a customer
// also its salesperson, payment terms (账期, days) and credit limit (the manager's to set).
// Untick 在用 to deactivate; 删除 only for one without history (the core refuses otherwise).

import { useRef, useState } from 'react';
import type { Customer, Supplier } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, newRequestId, type DeskErr } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/FormDialog';
import { useUsers } from '../../components/people';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { refusalError, useI18n } from '../../i18n';
import { parseMoney, parseQty } from '../../numbers';
import { useSession } from '../../session';
import { reachesAll } from '../../../../shared/readScope';

export type PartyKind = 'customer' | 'supplier';
type Party = Customer | Supplier;
const isCustomer = (p: Party | null): p is Customer => !!p && 'paymentTermsDays' in p;

function useCustomerFields(c: Customer | null) {
  const [salespersonId, setSalespersonId] = useState<number | ''>(c?.salesperson?.id ?? '');
  const [credit, setCredit] = useState(formatFen(c?.creditLimitFen ?? 0, { grouping: false }));
  const [terms, setTerms] = useState(String(c?.paymentTermsDays ?? 0));
  return { salespersonId, setSalespersonId, credit, setCredit, terms, setTerms };
}

/** `preset`: a new party's first code and name (the setup flow's HQ takes the office's HQ name). */
export function PartyDialog(p: { kind: PartyKind; party: Party | null; preset?: { code: string; name: string }; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const it = p.party;
  const [f, setF] = useState({
    code: it?.code ?? p.preset?.code ?? '',
    name: it?.name ?? p.preset?.name ?? '',
    contact: it?.contact ?? '',
    phone: it?.phone ?? '',
    address: it?.address ?? '',
    notes: it?.notes ?? '',
  });
  const [active, setActive] = useState(it?.active ?? true);
  const cf = useCustomerFields(isCustomer(it) ? it : null);
  const sales = useUsers().filter((u) => u.roles.includes('sales'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const rid = useRef(newRequestId());
  const customer = p.kind === 'customer';
  const method = `${customer ? 'customers' : 'suppliers'}.${it ? 'update' : 'create'}` as const;
  const canSave = session.can(method);
  const canDelete = !!it && session.can(customer ? 'customers.delete' : 'suppliers.delete');
  // 保密制度: a salesperson who reads only their own customers keeps them their own (the core refuses another)
  const ownOnly = !reachesAll(session.scope) ? (session.user?.id ?? null) : null;

  const customerInput = (): DeskErr | { paymentTermsDays: number; salespersonId: number | null; creditLimitFen?: number } => {
    const credit = parseMoney(cf.credit.trim() === '' ? '0' : cf.credit, { field: 'creditLimit' });
    if (!credit.ok) return refusalError(credit.refusal);
    const terms = parseQty(cf.terms.trim() === '' ? '0' : cf.terms, { field: 'terms', min: 0, max: 365 });
    if (!terms.ok) return refusalError(terms.refusal);
    const sp = ownOnly ?? (cf.salespersonId === '' ? null : cf.salespersonId);
    const creditChanged = !isCustomer(it) || credit.value !== it.creditLimitFen;
    return { paymentTermsDays: terms.value, salespersonId: sp, ...(creditChanged ? { creditLimitFen: credit.value } : {}) };
  };

  const run = async (fn: () => Promise<{ ok: boolean; error?: DeskErr }>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (r.ok) p.onSaved();
    else {
      setError(r.error ?? null);
      rid.current = newRequestId();
    }
  };

  const save = () => {
    const parsed = customer ? customerInput() : null;
    if (parsed && 'message_zh' in parsed) return setError(parsed);
    const extra = parsed ?? {};
    const opts = { requestId: rid.current };
    const { code, ...edit } = f;
    void run(() => {
      if (customer)
        return it ? call('customers.update', { customerId: it.id, ...edit, ...extra, active }, opts) : call('customers.create', { ...f, ...extra }, opts);
      return it ? call('suppliers.update', { supplierId: it.id, ...edit, active }, opts) : call('suppliers.create', { code, ...edit }, opts);
    });
  };

  const remove = () => it && void run(() => (customer ? call('customers.delete', { customerId: it.id }) : call('suppliers.delete', { supplierId: it.id })));

  const text = (k: keyof typeof f, label: string, wide = false) => (
    <Field label={label} wide={wide}>
      <input className="input" name={k} value={f[k]} disabled={(k === 'code' && !!it) || !canSave} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
    </Field>
  );

  const title = it ? t(customer ? 'pt.editCustomer' : 'pt.editSupplier', { code: it.code }) : t(customer ? 'pt.newCustomer' : 'pt.newSupplier');
  return (
    <Dialog
      title={title}
      onCancel={p.onCancel}
      onConfirm={save}
      width={640}
      footer={
        <>
          {canDelete ? (
            <Btn variant="danger" onClick={remove} disabled={busy} title={t('pt.deleteHint')}>
              {t('pt.delete')}
            </Btn>
          ) : null}
          <DialogButtons confirmText={t('common.save')} disabled={busy || !canSave} onConfirm={save} onCancel={p.onCancel} />
        </>
      }
    >
      <div className="form-grid two">
        {text('code', t('pt.code'))}
        {text('name', t('pt.name'))}
        {text('contact', t('pt.contact'))}
        {text('phone', t('pt.phone'))}
        {text('address', t('pt.address'), true)}
        {customer ? <CustomerFields cf={cf} sales={sales} canSave={canSave} ownOnly={ownOnly} /> : null}
        {text('notes', t('pt.notes'), true)}
        {it ? (
          <Field label={t('pt.active')}>
            <input type="checkbox" name="active" checked={active} disabled={!canSave} onChange={(e) => setActive(e.target.checked)} />
          </Field>
        ) : null}
      </div>
      <ErrorLine error={error} />
    </Dialog>
  );
}

function CustomerFields(p: { cf: ReturnType<typeof useCustomerFields>; sales: { id: number; name: string }[]; canSave: boolean; ownOnly: number | null }) {
  const { cf, canSave, ownOnly } = p;
  const sales = ownOnly == null ? p.sales : p.sales.filter((u) => u.id === ownOnly);
  const { t } = useI18n();
  const isManager = useSession().has('manager');
  return (
    <>
      <Field label={t('pt.salesperson')}>
        <select
          className="input"
          name="salesperson"
          value={ownOnly ?? cf.salespersonId}
          disabled={!canSave || ownOnly != null}
          onChange={(e) => cf.setSalespersonId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">{t('pt.noSalesperson')}</option>
          {sales.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('pt.terms')} hint={t('pt.termsHint')}>
        <input className="input num" name="terms" value={cf.terms} disabled={!canSave} onChange={(e) => cf.setTerms(e.target.value)} />
      </Field>
      <Field label={t('pt.creditLimit')} hint={isManager ? undefined : t('pt.creditLimitManager')}>
        <input className="input num" name="credit" value={cf.credit} disabled={!isManager} onChange={(e) => cf.setCredit(e.target.value)} />
      </Field>
    </>
  );
}
