// 打印记录 of one slip (or one item's stock cards): who printed it when, which copies, and which
// prints were 补打 (reprints); a preview (opened to print, not confirmed printed) is listed as 预览.

import { useEffect, useState } from 'react';
import type { PrintRecord } from '../../../shared/contract';
import { call, type DeskErr } from '../api';
import { formatDateTime } from '../i18n/clock';
import { ErrorLine } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function PrintLog({ slipId, itemId, reload }: { slipId?: number; itemId?: number; reload: number }) {
  const { t } = useI18n();
  const session = useSession();
  const allowed = session.can('documents.printLog');
  const [rows, setRows] = useState<PrintRecord[] | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    if (!allowed) return;
    void call('documents.printLog', { slipId, itemId, limit: 50 }).then((r) => (r.ok ? setRows(r.value.rows) : setError(r.error)));
  }, [slipId, itemId, reload, allowed]);
  if (!allowed) return null;
  return (
    <div className="print-log" data-testid="print-log">
      <div className="subhead">{t('print.log')}</div>
      <ErrorLine error={error} />
      {rows && rows.length === 0 ? <div className="muted">{t('print.logEmpty')}</div> : null}
      {rows && rows.length ? (
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('msg.kind')}</th>
              <th>{t('print.logNo')}</th>
              <th>{t('print.logAt')}</th>
              <th>{t('print.logBy')}</th>
              <th>{t('print.logPaper')}</th>
              <th>{t('print.logCopies')}</th>
              {itemId ? <th>{t('print.logPeriod')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.kind === 'preview' ? 'muted' : undefined}>
                <td>{t(r.kind === 'preview' ? 'msg.kind.preview' : 'msg.kind.printed')}</td>
                <td>
                  {r.printNo}
                  {r.printNo > 1 && r.kind === 'printed' ? <span className="red-tag">{t('print.reprintTag')}</span> : null}
                </td>
                <td>{formatDateTime(r.printedAt)}</td>
                <td>{r.printedBy.name}</td>
                <td>{r.paper}</td>
                <td>{r.copies.join('、') || '—'}</td>
                {itemId ? <td>{`${r.from ?? '…'} ~ ${r.to ?? '…'}`}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
