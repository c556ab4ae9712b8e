// 单据查询: every slip, by number, date range, kind, state, customer. Enter opens.

import { useEffect, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { ExportButton } from '../../components/ExportButton';
import { downIntoGrid } from '../../components/gridKeys';
import type { Customer, SlipSummary } from '../../../../shared/contract';
import { KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { customerById } from '../../components/pickers';
import { SlipFilters } from './SlipFilters';
import { SlipTable, type SlipFilter } from './SlipTable';

/** From a customer's record: `customerId` preselects that customer. */
export function SlipListScreen({ customerId }: { customerId?: number } = {}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<SlipFilter>({ query: '', customerId });
  const [customer, setCustomer] = useState<Customer | null>(null);
  useEffect(() => {
    if (customerId) void customerById(customerId).then(setCustomer);
  }, [customerId]);
  const [total, setTotal] = useState<number | null>(null);
  const grid = useRef<AgGridReact<SlipSummary>>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  useHotkeys({
    F3: () => queryRef.current?.focus(),
    'Ctrl+F': () => queryRef.current?.focus(),
    F5: () => grid.current?.api.refreshInfiniteCache(),
  });
  return (
    <div className="screen-col">
      <Toolbar title={t('nav.slips')} sub={total !== null ? t('slips.count', { n: total }) : undefined}>
        <ExportButton query={() => ({ grid: 'slips', filters: filter })} />
      </Toolbar>
      <SlipFilters
        filter={filter}
        onChange={setFilter}
        showKind
        queryRef={queryRef}
        autoFocus
        onDown={downIntoGrid(grid)}
        customer={{
          value: customer,
          onPick: (c) => {
            setCustomer(c);
            setFilter((f) => ({ ...f, customerId: c?.id }));
          },
        }}
      />
      <div className="grid-fill">
        <SlipTable ref={grid} filter={filter} onOpen={(s) => navigate(`/slips/${s.id}`)} onLoaded={setTotal} />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ['Enter', t('keys.open')],
          ['F5', t('keys.refresh')],
          [t('keys.scan'), t('slips.scanHint')],
        ]}
      />
    </div>
  );
}
