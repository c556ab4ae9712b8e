// Step 办事处信息: the office's name, short name, address, phone and the HQ it reports to (office.update).

import { useRef, useState } from 'react';
import type { Office } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Btn, ErrorLine, Field, Notice } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';

type Details = Pick<Office, 'name' | 'shortName' | 'address' | 'phone' | 'hqName'>;
const FIELDS: [keyof Details, MsgKey, boolean][] = [
  ['name', 'setup.office.name', false],
  ['shortName', 'setup.office.shortName', false],
  ['address', 'setup.office.address', true],
  ['phone', 'setup.office.phone', false],
  ['hqName', 'setup.office.hqName', false],
];

export function OfficeStep({ office, onSaved }: { office: Office; onSaved(o: Office): void }) {
  const { t } = useI18n();
  const canEdit = useSession().can('office.update');
  const [f, setF] = useState<Details>({ name: office.name, shortName: office.shortName, address: office.address, phone: office.phone, hqName: office.hqName });
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const rid = useRef(newRequestId());

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await call('office.update', f, { requestId: rid.current });
    setBusy(false);
    rid.current = newRequestId();
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };

  return (
    <form
      className="panel"
      data-testid="setup-office"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="muted">{t('setup.office.explain')}</div>
      {canEdit ? null : <Notice kind="warn">{t('setup.office.readOnly')}</Notice>}
      <div className="setup-form">
        {FIELDS.map(([k, label, wide]) => (
          <div key={k} className={wide ? 'wide' : ''}>
            <Field label={t(label)} wide>
              <input className="input" name={k} value={f[k]} disabled={!canEdit} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
            </Field>
          </div>
        ))}
      </div>
      <ErrorLine error={error} />
      {canEdit ? (
        <div>
          <Btn variant="primary" type="submit" disabled={busy}>
            {t('setup.saveNext')}
          </Btn>
        </div>
      ) : null}
    </form>
  );
}
