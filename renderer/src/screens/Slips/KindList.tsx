// The list for one kind of slip (进仓单 / 发货单 / 退货单 / 报损单 / 退回总部单) with its "new" action;
// the returns screen's three lists carry its tabs (Returns/ReturnsTabs.tsx).
// Keys: F2 new · F3 search · Enter open · ↑/↓ move.

import { useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { downIntoGrid } from '../../components/gridKeys';
import type { CreatableSlipKind, SlipSummary } from '../../../../shared/contract';
import { Btn, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { takeFlash } from '../../slip/flash';
import { slipPath } from '../../slip/open';
import { EDITOR_ROUTE } from '../../slip/useSlipDraft';
import { SlipFilters } from './SlipFilters';
import { SlipTable, type SlipFilter } from './SlipTable';
import { isReturnsTab, ReturnsTabs } from '../Returns/ReturnsTabs';

const TITLE = {
  inbound: 'nav.inbound',
  dispatch: 'nav.dispatch',
  return: 'nav.returns',
  writeoff: 'adj.tab.writeoffs',
  hqReturn: 'adj.tab.hqReturns',
} as const;
const NEW_LABEL = { inbound: 'inbound.new', dispatch: 'dispatch.new', return: 'ret.new', writeoff: 'adj.newWriteoff', hqReturn: 'adj.newHqReturn' } as const;

export function KindList({ kind }: { kind: CreatableSlipKind }) {
  const { t } = useI18n();
  const session = useSession();
  const [filter, setFilter] = useState<SlipFilter>({ query: '', kind });
  const [total, setTotal] = useState<number | null>(null);
  const [flash] = useState(takeFlash);
  const grid = useRef<AgGridReact<SlipSummary>>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const canNew = session.canCreate(kind);
  const newPath = `/${EDITOR_ROUTE[kind]}/new`;

  useHotkeys({
    F2: () => canNew && navigate(newPath),
    F3: () => queryRef.current?.focus(),
    F5: () => grid.current?.api.refreshInfiniteCache(),
  });

  return (
    <div className="screen-col">
      <Toolbar title={t(TITLE[kind])} sub={total !== null ? t('slips.count', { n: total }) : undefined}>
        {isReturnsTab(kind) ? <ReturnsTabs on={kind} /> : null}
        {canNew ? (
          <Btn variant="primary" hotkey="F2" onClick={() => navigate(newPath)}>
            {t(NEW_LABEL[kind])}
          </Btn>
        ) : null}
      </Toolbar>
      {flash ? <Notice kind="ok">{flash}</Notice> : null}
      <SlipFilters filter={filter} onChange={(f) => setFilter({ ...f, kind })} queryRef={queryRef} autoFocus onDown={downIntoGrid(grid)} />
      <div className="grid-fill">
        <SlipTable ref={grid} filter={filter} fixedKind={kind} onOpen={(s) => navigate(slipPath(s, session))} onLoaded={setTotal} />
      </div>
      <KeyHints
        items={[
          ...(canNew ? ([['F2', t(NEW_LABEL[kind])]] as [string, string][]) : []),
          ['F3', t('keys.search')],
          ['Enter', t('keys.open')],
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}
