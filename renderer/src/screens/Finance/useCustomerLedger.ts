// One customer's ledger for a period, and the statement when the period has both ends.

import { useCallback, useEffect, useState } from 'react';
import { call, type DeskErr } from '../../api';
import type { Ledger, Statement } from './customerLedger';

export function useCustomerLedger(customerId: number, from: string, to: string) {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [st, setSt] = useState<Statement | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const [l, s] = await Promise.all([
      call('receivables.ledger', { customerId, from: from || undefined, to: to || undefined, limit: 1000, offset: 0 }),
      from && to ? call('receivables.statement', { customerId, from, to }) : Promise.resolve(null),
    ]);
    if (l.ok) setLedger(l.value);
    if (s?.ok) setSt(s.value);
    setError(!l.ok ? l.error : s && !s.ok ? s.error : null);
  }, [customerId, from, to]);
  useEffect(() => {
    void load();
  }, [load]);
  return { ledger, st, error, load };
}
