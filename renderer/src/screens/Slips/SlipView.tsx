// One slip: header, lines, signatures (name, role, time, still valid?), reversal link, and what
// may be done with it now: edit / sign / pick / void a draft, reverse (红字冲销) a posted slip,
// start a return from a posted dispatch. Keys: F4 edit · F6 sign · F9 pick · Ctrl+Delete reverse (红字冲销) · F8 print · Shift+F8 preview · Ctrl+F8 PDF · Esc back.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { isCreatableKind, type Slip, type SlipLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, LINE_ORDER } from '../../components/grid';
import { ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n, type I18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { takeFlash } from '../../slip/flash';
import { SignatureSection, Totals } from '../../slip/parts';
import { EDITOR_ROUTE } from '../../slip/useSlipDraft';
import { PrintLog } from '../../printing/PrintLog';
import { SlipFacts } from './SlipFacts';
import { NextDayNotice } from '../../slip/NextDayNotice';
import { slipAbilities, slipLineColumns, type SlipAbilities } from './slipViewRules';
import { SlipViewDialogs, SlipViewToolbar, type SlipDialogName } from './SlipViewParts';
import '../../printing/printing.css';

function hints(t: I18n['t'], can: SlipAbilities): [string, string][] {
  const only = (yes: boolean, hint: [string, string]) => (yes ? [hint] : []);
  return [
    ...only(can.canEdit, ['F4', t('slip.editDraft')]),
    ...only(can.canSign, ['F6', t('sign.button')]),
    ...only(can.canPick, ['F9', t('pick.go')]),
    ...only(can.canReturn, ['F7', t('ret.fromThis')]),
    ...only(can.canReverse, ['Ctrl+Delete', t('slip.reverse')]),
    ['Esc', t('keys.back')],
  ];
}

/** Shipped (or received) differs from ordered: a second totals row for what really went. */
function ShippedTotals({ slip: s }: { slip: Slip }) {
  const { t } = useI18n();
  if (!(s.state === 'posted' && s.lines.some((l) => l.shippedQty !== null && l.shippedQty !== l.qty))) return null;
  return (
    <Totals
      label={s.kind === 'return' ? t('ret.receivedTotals') : t('slip.shippedTotals')}
      qty={s.lines.reduce((n, l) => n + (l.shippedQty ?? l.qty), 0)}
      amountFen={
        s.totalAmountFen == null
          ? null
          : s.lines.reduce(
              (n, l) => n + (l.shippedQty == null || l.shippedQty === l.qty ? (l.amountFen ?? 0) : (l.priceFen ?? l.unitCostFen ?? 0) * l.shippedQty),
              0,
            )
      }
    />
  );
}

export function SlipView({ slipId }: { slipId: number }) {
  const { t } = useI18n();
  const session = useSession();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [flash, setFlashMsg] = useState(takeFlash);
  const [dialog, setDialog] = useState<SlipDialogName | null>(null);
  const [printed, setPrinted] = useState(0);

  const load = useCallback(async () => {
    const r = await call('slips.get', { slipId });
    if (r.ok) setSlip(r.value);
    else setError(r.error);
  }, [slipId]);
  useEffect(() => void load(), [load]);

  const s = slip;
  const can = slipAbilities(s, session);
  const sign = s?.kind === 'reversal' ? -1 : 1;
  const edit = () => can.canEdit && s && isCreatableKind(s.kind) && navigate(`/${EDITOR_ROUTE[s.kind]}/${s.id}`);
  const pick = () => {
    if (!can.canPick || !s) return;
    navigate(s.kind === 'inbound' ? `/inbound/${s.id}` : `/pick/${s.id}`);
  };

  useHotkeys({
    F4: edit,
    F6: () => can.canSign && setDialog('sign'),
    F9: pick,
    'Ctrl+Delete': () => can.canReverse && setDialog('reverse'),
    F7: () => can.canReturn && navigate(`/returns/from/${s!.id}`),
    Escape: () => (window.history.length > 1 ? window.history.back() : navigate('/slips')),
  });

  const cols = useMemo(() => (s ? slipLineColumns(s, t, session.scope) : []), [s, t, session]);

  if (!s)
    return (
      <div className="screen-col">
        <Toolbar title={t('slip.view')} />
        <ErrorLine error={error} />
      </div>
    );

  return (
    <div className="screen-col">
      <SlipViewToolbar slip={s} can={can} onEdit={edit} onPick={pick} open={setDialog} onPrinted={() => setPrinted((n) => n + 1)} />
      {flash ? <Notice kind="ok">{flash}</Notice> : null}
      <ErrorLine error={error} />
      <NextDayNotice date={s.businessDate} />
      <SlipFacts
        slip={s}
        onCarrier={(x, message) => {
          setSlip(x);
          setFlashMsg(message);
        }}
      />
      <div className="grid-fill">
        <Grid<SlipLine> rowData={s.lines} columnDefs={cols} defaultColDef={LINE_ORDER} getRowId={(x) => String(x.data.id)} />
      </div>
      <Totals qty={s.totalQty * sign} amountFen={s.totalAmountFen == null ? null : s.totalAmountFen * sign} />
      <ShippedTotals slip={s} />
      <SignatureSection slip={s} />
      <PrintLog slipId={s.id} reload={printed} />
      <KeyHints items={hints(t, can)} />
      <SlipViewDialogs
        slip={s}
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSigned={(x) => {
          beep('ok');
          setDialog(null);
          setSlip(x);
          setFlashMsg(t('sign.done', { no: x.no }));
        }}
        onVoided={() => {
          setDialog(null);
          void load();
        }}
      />
    </div>
  );
}
