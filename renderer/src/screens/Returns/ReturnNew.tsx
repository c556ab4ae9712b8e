// 新建退货单, step one: choose the posted dispatch the goods come back against (search or scan its number),
// or F2 无原单退货: goods sold before go-live, with no dispatch in this desk.

import { useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { SlipSummary } from '../../../../shared/contract';
import { call } from '../../api';
import { downIntoGrid } from '../../components/gridKeys';
import { Btn, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useScan } from '../../scan';
import { beep } from '../../scan/beep';
import { SlipFilters } from '../Slips/SlipFilters';
import { SlipTable, type SlipFilter } from '../Slips/SlipTable';

export function ReturnNew() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<SlipFilter>({ query: '', kind: 'dispatch', state: 'posted' });
  const [msg, setMsg] = useState<string | null>(null);
  const grid = useRef<AgGridReact<SlipSummary>>(null);
  const queryRef = useRef<HTMLInputElement>(null);

  useScan(async (e) => {
    const r = await call('slips.get', { no: e.code.toUpperCase() });
    if (r.ok && r.value.kind === 'dispatch' && r.value.state === 'posted') {
      beep('ok');
      navigate(`/returns/from/${r.value.id}`);
    } else {
      beep('error');
      setMsg(t('ret.scanNotDispatch', { code: e.code }));
    }
  });

  useHotkeys({
    F3: () => queryRef.current?.focus(),
    F2: () => navigate('/returns/pregolive'),
    Escape: () => navigate('/returns'),
  });

  const choose = (s: SlipSummary) => {
    if (s.reversedBy) {
      beep('error');
      setMsg(t('ret.reversed', { no: s.no }));
      return;
    }
    navigate(`/returns/from/${s.id}`);
  };

  return (
    <div className="screen-col">
      <Toolbar title={t('ret.newTitle')} sub={t('ret.chooseDispatch')}>
        <Btn hotkey="F2" title={t('oldret.startHint')} onClick={() => navigate('/returns/pregolive')}>
          {t('oldret.start')}
        </Btn>
      </Toolbar>
      {msg ? <Notice kind="warn">{msg}</Notice> : null}
      <SlipFilters
        filter={filter}
        onChange={(f) => setFilter({ ...f, kind: 'dispatch', state: 'posted' })}
        queryRef={queryRef}
        autoFocus
        onDown={downIntoGrid(grid)}
      />
      <div className="grid-fill">
        <SlipTable ref={grid} filter={filter} fixedKind="dispatch" onOpen={choose} />
      </div>
      <KeyHints
        items={[
          ['F2', t('oldret.start')],
          ['F3', t('keys.search')],
          ['↓', t('keys.toList')],
          ['Enter', t('ret.choose')],
          [t('keys.scan'), t('ret.scanDispatchNo')],
          ['Esc', t('keys.back')],
        ]}
      />
    </div>
  );
}
