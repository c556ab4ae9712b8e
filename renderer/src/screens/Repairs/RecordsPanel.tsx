// 维修记录: the records, newest first, searchable by number, fault or item; a record's slip opens on a click.

import { useEffect, useMemo, useState } from 'react';
import type { Repair } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { ErrorLine } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { recordColumns } from './repairColumns';

export function RecordsPanel() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Repair[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    let live = true;
    void call('repairs.list', { ...(search.trim() ? { search: search.trim() } : {}), limit: 500 }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setRows(r.value.rows);
      setError(null);
    });
    return () => void (live = false);
  }, [search]);
  const cols = useMemo(() => recordColumns(t), [t]);
  return (
    <>
      <div className="filter-bar">
        <input
          className="input"
          style={{ width: 320 }}
          placeholder={t('rep.search')}
          value={search}
          maxLength={60}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="repair-search"
        />
      </div>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Repair>
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          onCellClicked={(e) => e.colDef.field === 'slipNo' && e.data && navigate(`/slips/${e.data.slipId}`)}
        />
      </div>
    </>
  );
}
