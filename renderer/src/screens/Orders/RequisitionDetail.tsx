// One requisition (要货单): its lines with ordered / received / outstanding and late, the inbound
// slips against it, the PDF and XLSX for HQ, and the manager's 签发 / 取消 / 短收结案 (ManagerPinDialog).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Requisition } from '../../../../shared/contract';
import { call, showPdf, type DeskErr } from '../../api';
import { saveXlsx } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ManagerPinDialog } from './OrderDialogs';
import { RequisitionEditDialog } from './RequisitionEditDialog';
import { requisitionLineColumns } from './orderColumns';

type Step = 'sign' | 'cancel' | 'close' | 'edit';

/** The paper (A4, QR, signed boxes) and the sheet for HQ, from the core. */
function FileButtons({ requisitionId, onError }: { requisitionId: number; onError(e: DeskErr | null): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const pdf = async () => {
    setBusy(true);
    const r = await call('requisitions.pdf', { requisitionId });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    onError(await showPdf({ ...r.value, mime: 'application/pdf', bytes: 0, paper: 'A4', copies: [], printId: null, printNo: null }, true));
  };
  const xlsx = async () => {
    setBusy(true);
    const r = await call('requisitions.xlsx', { requisitionId });
    setBusy(false);
    onError(r.ok ? await saveXlsx(r.value) : r.error);
  };
  return (
    <>
      <Btn onClick={() => void pdf()} disabled={busy} data-testid="requisition-pdf">
        {t('rq.pdf')}
      </Btn>
      <Btn onClick={() => void xlsx()} disabled={busy}>
        {t('rq.xlsx')}
      </Btn>
    </>
  );
}
type Line = Requisition['lines'][number];

export function RequisitionDetail({ requisitionId, onChanged }: { requisitionId: number; onChanged(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [r, setR] = useState<Requisition | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const grid = useRef<AgGridReact<Line>>(null);
  const cols = useMemo(() => requisitionLineColumns(t), [t]);
  const load = useCallback(async () => {
    const x = await call('requisitions.get', { requisitionId });
    if (!x.ok) return setError(x.error);
    setError(null);
    setR(x.value);
  }, [requisitionId]);
  useEffect(() => void load(), [load]);
  if (!r) return <ErrorLine error={error} />;

  const manager = session.can('requisitions.sign');
  const canEdit = session.can('requisitions.update') && r.state === 'draft';
  const what = (s: Step) => t(s === 'sign' ? 'rq.sign' : s === 'cancel' ? 'rq.cancel' : 'rq.close');
  const send = (s: Step, m: { user: number | string; pin: string }, reason: string, requestId: string) =>
    s === 'sign'
      ? call('requisitions.sign', { requisitionId, manager: m }, { requestId })
      : call(s === 'cancel' ? 'requisitions.cancel' : 'requisitions.close', { requisitionId, reason, manager: m }, { requestId });
  const finished = (x: Requisition) => {
    setStep(null);
    setR(x);
    setDone(t('rq.done', { no: x.no, state: t(`rq.state.${x.state}`) }));
    onChanged();
  };

  return (
    <div className="screen-col" data-testid="requisition-detail">
      <div className="toolbar-row" style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong className="mono">{r.no}</strong> <span data-testid="requisition-state">{t(`rq.state.${r.state}`)}</span>
        <span className="hint-line">{r.slips.length ? t('rq.slips', { list: r.slips.map((s) => s.no).join(', ') }) : t('rq.noSlips')}</span>
        <FileButtons requisitionId={r.id} onError={setError} />
        {canEdit ? (
          <Btn onClick={() => setStep('edit')} data-testid="requisition-edit">
            {t('rqh.edit')}
          </Btn>
        ) : null}
        {manager && r.state === 'draft' ? (
          <Btn variant="primary" onClick={() => setStep('sign')} data-testid="requisition-sign">
            {t('rq.sign')}
          </Btn>
        ) : null}
        {manager && r.state === 'signed' ? (
          <>
            <Btn onClick={() => setStep('close')} data-testid="requisition-close">
              {t('rq.close')}
            </Btn>
            <Btn variant="danger" onClick={() => setStep('cancel')} disabled={r.received > 0}>
              {t('rq.cancel')}
            </Btn>
          </>
        ) : null}
      </div>
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Line> ref={grid} rowData={r.lines} columnDefs={cols} getRowId={(x) => String(x.data.id)} rowClassRules={{ 'row-below': (x) => !!x.data?.late }} />
      </div>
      {step === 'edit' ? <RequisitionEditDialog draft={r} onCancel={() => setStep(null)} onDone={(x) => finished(x)} /> : null}
      {step && step !== 'edit' ? (
        <ManagerPinDialog<Requisition>
          title={step === 'sign' ? t('rq.signTitle', { no: r.no }) : t('rq.endTitle', { what: what(step), no: r.no })}
          text={
            step === 'sign' ? t('rq.signText', { n: r.lines.length, qty: r.totalQty }) : t('rq.endText', { received: r.received, outstanding: r.outstanding })
          }
          confirmText={what(step)}
          withReason={step !== 'sign'}
          danger={step === 'cancel'}
          send={(m, reason, requestId) => send(step, m, reason, requestId)}
          onCancel={() => setStep(null)}
          onDone={finished}
        />
      ) : null}
    </div>
  );
}
