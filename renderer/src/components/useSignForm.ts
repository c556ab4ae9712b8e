// The state of the sign dialog: which role signs, who, their PIN, and — when finance signs a
// credit sale over the customer's limit — the manager's override (经理授权) asked for next.

import { useEffect, useRef, useState } from 'react';
import type { Slip } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { call, newRequestId, type DeskErr } from '../api';
import { useSession } from '../session';
import { useUsers } from './people';

export interface Override {
  user: number | null;
  pin: string;
}

export function useSignForm(slip: Slip, onSigned: (s: Slip) => void) {
  const session = useSession();
  const users = useUsers();
  const [role, setRole] = useState<Role>(slip.missingSignatures[0] ?? 'manager');
  const [userId, setUserId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const signerRef = useRef<HTMLSelectElement>(null);
  const requestId = useRef(newRequestId());
  // finance signing a credit sale over the limit: the manager's PIN lets it through
  const [override, setOverride] = useState<Override>({ user: null, pin: '' });
  const mgrPinRef = useRef<HTMLInputElement>(null);

  const signers = users.filter((u) => u.roles.includes(role));
  useEffect(() => {
    if (userId !== null && signers.some((u) => u.id === userId)) return;
    const me = signers.find((u) => u.id === session.user?.id);
    setUserId((me ?? signers[0])?.id ?? null);
    // someone else signs and there is a choice of who: the dialog starts on the signer list, not the PIN
    if (!me && signers.length > 1) signerRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, users]);

  const creditErr = error?.code === 'credit_limit_exceeded' && role === 'finance' ? error : null;

  const submit = async () => {
    if (busy || userId === null) return;
    if (pin.length < 4) {
      pinRef.current?.focus();
      return;
    }
    // the manager's PIN is checked before anything changes: returning with busy set, or with the
    // credit error cleared, locked the dialog (its override part gone, its button disabled)
    const overriding = !!creditErr;
    if (overriding && (override.user === null || override.pin.length < 4)) {
      mgrPinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const creditOverride = overriding && override.user !== null ? { user: override.user, pin: override.pin } : undefined;
    const r = await call('slips.sign', { slipId: slip.id, role, user: userId, pin, creditOverride }, { requestId: requestId.current });
    setBusy(false);
    if (r.ok) return onSigned(r.value);
    setError(r.error);
    requestId.current = newRequestId();
    if (r.error.code === 'credit_limit_exceeded' && role === 'finance') {
      // the finance PIN stays; the manager's PIN is asked next (a wrong manager PIN clears only that)
      setOverride((o) => ({ ...o, pin: '' }));
      setTimeout(() => mgrPinRef.current?.focus(), 0);
      return;
    }
    pinRef.current?.select();
    pinRef.current?.focus();
  };

  const managers = users.filter((u) => u.roles.includes('manager'));
  return {
    role,
    setRole,
    signers,
    userId,
    setUserId,
    pin,
    setPin,
    pinRef,
    signerRef,
    busy,
    error,
    creditErr,
    override,
    setOverride,
    managers,
    mgrPinRef,
    submit,
  };
}

export type SignForm = ReturnType<typeof useSignForm>;
