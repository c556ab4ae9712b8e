// 账本核对 on the 日结 screen, for whoever may call system.verify (the manager, the administrator):
// the books' invariants, every posted slip against its posted hash and signatures, and the audit
// chain against the anchors each close of day signs — with how far the chain is anchored, in the
// core's own words. A read: nothing is changed, problems are listed, never fixed.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n, type I18n } from '../../i18n';

type Report = Output<'system.verify'>;
type Problem = Report['problems'][number];

function columns(t: I18n['t']): ColDef<Problem>[] {
  return [
    { field: 'check', headerName: t('vf.check'), width: 150 },
    { field: 'message', headerName: t('vf.problem'), flex: 1, minWidth: 300, tooltipField: 'message' },
  ];
}

export function VerifyPanel() {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [err, setErr] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const cols = useMemo(() => columns(t), [t]);
  const run = async () => {
    setBusy(true);
    const r = await call('system.verify', {});
    setBusy(false);
    setErr(r.ok ? null : r.error);
    setReport(r.ok ? r.value : null);
  };
  const a = report?.anchors;
  return (
    <div className="verify-panel">
      <div className="subhead">
        {t('vf.title')}
        <Btn disabled={busy} style={{ marginLeft: 12 }} onClick={() => void run()}>
          {busy ? t('vf.running') : t('vf.run')}
        </Btn>
      </div>
      <ErrorLine error={err} />
      {!report ? <div className="muted">{t('vf.hint')}</div> : null}
      {report ? (
        <Notice kind={report.ok ? 'ok' : 'error'}>
          {report.ok ? t('vf.ok', { slips: report.checked.slips, rows: report.checked.auditRows }) : t('vf.failed', { n: report.problems.length })}
        </Notice>
      ) : null}
      {a ? <Notice kind={a.checkedToSeq === null ? 'warn' : 'info'}>{lang === 'zh' ? a.summary_zh : a.summary_en}</Notice> : null}
      {a?.notes.map((n, i) => (
        <Notice key={i} kind="warn">
          {t('vf.note')}: {lang === 'zh' ? n.zh : n.en}
        </Notice>
      ))}
      {report && !report.ok ? <Grid<Problem> className="grid-half" height={200} rowData={report.problems} columnDefs={cols} /> : null}
    </div>
  );
}
