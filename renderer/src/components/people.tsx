// The office's people as the sign-offs offer them: the list of users, a select of people, a PIN field.

import { useEffect, useState, type InputHTMLAttributes, type Ref } from 'react';
import type { Output } from '../../../shared/contract';
import { call } from '../api';

export type UserEntry = Output<'auth.users'>[number];

export function useUsers(): UserEntry[] {
  const [users, setUsers] = useState<UserEntry[]>([]);
  useEffect(() => {
    void call('auth.users', {}).then((r) => r.ok && setUsers(r.value));
  }, []);
  return users;
}

/** A select of people by name; `empty` is the option shown when there is nobody to pick. */
export function PersonSelect(p: {
  people: UserEntry[];
  value: number | '';
  onChange(id: number): void;
  empty?: string;
  autoFocus?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  return (
    <select ref={p.selectRef} className="input" value={p.value} onChange={(e) => p.onChange(Number(e.target.value))} data-autofocus={p.autoFocus || undefined}>
      {p.empty !== undefined && p.people.length === 0 ? <option value="">{p.empty}</option> : null}
      {p.people.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

/** A PIN typed for a signature: hidden, the numeric keypad on a touch screen, never remembered. */
export function PinInput({ className = 'input', ...rest }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input className={className} type="password" inputMode="numeric" autoComplete="off" {...rest} />;
}
