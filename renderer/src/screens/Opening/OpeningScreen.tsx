// 期初建账 (opening balances): three tabs — stock, receivables, money — each an entry grid; the
// manager signs the opening stock; once a day is closed the screen only shows what was booked.

import { useCallback, useEffect, useState } from 'react';
import type { OpeningStatus } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { OpeningCash, OpeningReceivables } from './OpeningMoney';
import { OpeningStock } from './OpeningStock';
import '../Finance/finance.css';

type Tab = 'stock' | 'receivables' | 'cash';
const TABS: [Tab, MsgKey][] = [
  ['stock', 'op.tab.stock'],
  ['receivables', 'op.tab.receivables'],
  ['cash', 'op.tab.cash'],
];

/** The import kind of a tab, while the tab may still take one (从Excel导入). */
function importKind(tab: Tab, s: OpeningStatus | null): 'openingStock' | 'openingReceivables' | null {
  if (!s || s.closed) return null;
  if (tab === 'stock') return s.stock ? null : 'openingStock';
  return tab === 'receivables' ? 'openingReceivables' : null;
}

export function OpeningScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('stock');
  const [status, setStatus] = useState<OpeningStatus | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const r = await call('opening.status', {});
    if (r.ok) setStatus(r.value);
    setError(r.ok ? null : r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({ F5: () => void load() });

  return (
    <div className="screen-col">
      <Toolbar title={t('op.title')} sub={status && !status.closed ? t('op.sub', { date: status.businessDate }) : undefined}>
        <span className="acct-tabs">
          {TABS.map(([k, label]) => (
            <button key={k} type="button" className={`btn ${tab === k ? 'on' : ''}`} onClick={() => setTab(k)}>
              {t(label)}
            </button>
          ))}
        </span>
        {importKind(tab, status) ? <Btn onClick={() => navigate(`/import/${importKind(tab, status)}`)}>{t('op.fromExcel')}</Btn> : null}
      </Toolbar>
      <ErrorLine error={error} />
      {status?.closed ? <Notice kind="warn">{t('op.closed')}</Notice> : null}
      {status && tab === 'stock' ? <OpeningStock status={status} onBooked={setStatus} /> : null}
      {status && tab === 'receivables' ? <OpeningReceivables status={status} onBooked={setStatus} /> : null}
      {status && tab === 'cash' ? <OpeningCash status={status} onBooked={setStatus} /> : null}
    </div>
  );
}
