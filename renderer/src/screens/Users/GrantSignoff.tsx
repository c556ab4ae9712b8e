// 第二人确认: granting manager, finance or admin takes a second person's PIN — another active
// administrator or manager, not the one granting nor the one receiving (users/rules.ts). Shown only
// while the roles picked add one of those; a new office's first manager needs none (nobody to ask).

import { useEffect } from 'react';
import { PRIVILEGED_ROLES, type Role } from '../../../../shared/roles';
import { Field } from '../../components/ui';
import { PersonSelect, PinInput, useUsers } from '../../components/people';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export interface Second {
  user: number | null;
  pin: string;
}

/** The roles of `after` that are a grant (privileged and not held before). */
export const grantedRoles = (before: readonly Role[], after: readonly Role[]) => after.filter((r) => PRIVILEGED_ROLES.includes(r) && !before.includes(r));

export function GrantSignoff(p: { granteeId: number | null; before: readonly Role[]; picked: readonly Role[]; value: Second; onChange(v: Second): void }) {
  const { t, roles } = useI18n();
  const me = useSession().user;
  const people = useUsers().filter((u) => u.id !== me?.id && u.id !== p.granteeId && u.roles.some((r) => r === 'admin' || r === 'manager'));
  const granted = grantedRoles(p.before, p.picked);
  const { value, onChange } = p;
  useEffect(() => {
    if (value.user === null && people.length > 0) onChange({ ...value, user: people[0].id });
  }, [people, value, onChange]);
  if (granted.length === 0 || people.length === 0) return null;
  return (
    <div className="inline-field signoff" data-testid="user-second">
      <Field label={t('usr.second', { roles: roles(granted) })}>
        <PersonSelect people={people} value={value.user ?? ''} onChange={(user) => onChange({ ...value, user })} />
      </Field>
      <Field label={t('fin.pin')}>
        <PinInput className="input narrow" value={value.pin} onChange={(e) => onChange({ ...value, pin: e.target.value })} data-testid="user-second-pin" />
      </Field>
    </div>
  );
}
