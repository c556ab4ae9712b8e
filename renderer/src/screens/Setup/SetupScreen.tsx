// 开账向导: the first-run setup after office.init, and later from the navigation (admin / manager).
// Steps: 办事处信息 → 总部(首个供应商) → 用户与角色 → 单据联数与纸张 → 默认打印机 → 完成; each can be
// skipped and done later here or on its own screen. A step shows done (✓) when the books say so
// (office.setupStatus); the last step lists what is still missing.

import { useEffect, useState } from 'react';
import type { Office, SetupItem } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, Toolbar } from '../../components/ui';
import { navigate } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { PaperCopiesForm } from '../../printing/PaperCopiesForm';
import { useSession } from '../../session';
import { MissingList } from './SetupBanner';
import { OfficeStep } from './OfficeStep';
import { HqStep, UsersStep } from './PartyUserSteps';
import { PrinterStep } from './PrinterStep';
import { fixableBy, refreshSetupStatus, useSetupStatus } from './setupStatus';
import './setup.css';

export const SETUP_STEPS = ['office', 'hq', 'users', 'paper', 'printer', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

const LABEL: Record<SetupStep, MsgKey> = {
  office: 'setup.step.office',
  hq: 'setup.step.hq',
  users: 'setup.step.users',
  paper: 'setup.step.paper',
  printer: 'setup.step.printer',
  done: 'setup.step.done',
};

/** Whether the books say a step is done. */
export function stepDone(step: SetupStep, missing: readonly SetupItem[], office: Office): boolean {
  const lacks = (key: string) => missing.some((m) => m.key === key || m.key.startsWith(key + '.'));
  switch (step) {
    case 'office':
      return !lacks('office.details');
    case 'hq':
      return !lacks('supplier');
    case 'users':
      return !lacks('role');
    case 'paper':
      return !lacks('printSettings');
    case 'printer':
      return office.defaultPrinter !== null;
    case 'done':
      return false;
  }
}

export function SetupScreen({ step }: { step: string | undefined }) {
  const { t } = useI18n();
  const current: SetupStep = SETUP_STEPS.find((s) => s === step) ?? 'office';
  const missing = useSetupStatus(current) ?? [];
  const [office, setOffice] = useState<Office | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    void call('office.get', {}).then((r) => (r.ok ? setOffice(r.value.office) : setError(r.error)));
  }, []);
  const at = SETUP_STEPS.indexOf(current);
  const go = (s: SetupStep) => navigate('/setup/' + s);
  const next = () => go(SETUP_STEPS[Math.min(at + 1, SETUP_STEPS.length - 1)]);
  const saved = (o: Office) => {
    setOffice(o);
    void refreshSetupStatus();
  };

  return (
    <div className="screen-col setup-screen" data-testid="setup-screen">
      <Toolbar title={t('setup.title')} sub={t('setup.sub')} />
      <ErrorLine error={error} />
      {office ? (
        <>
          <ol className="setup-steps">
            {SETUP_STEPS.map((s, i) => {
              const done = stepDone(s, missing, office);
              return (
                <li key={s} className={`${s === current ? 'on' : ''} ${done ? 'done' : ''}`}>
                  <button type="button" onClick={() => go(s)} data-step={s} aria-current={s === current ? 'step' : undefined}>
                    <span className="step-no">{done ? '✓' : i + 1}</span>
                    {t(LABEL[s])}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="doc-settings setup-body">
            <StepBody step={current} office={office} missing={missing} onOffice={saved} next={next} />
          </div>
          <StepFoot at={at} done={stepDone(current, missing, office)} go={go} />
        </>
      ) : null}
    </div>
  );
}

function StepBody(p: { step: SetupStep; office: Office; missing: SetupItem[]; onOffice(o: Office): void; next(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const changed = () => void refreshSetupStatus();
  switch (p.step) {
    case 'office':
      return <OfficeStep key={p.office.createdAt} office={p.office} onSaved={(o) => (p.onOffice(o), p.next())} />;
    case 'hq':
      return <HqStep hqName={p.office.hqName} onChanged={changed} />;
    case 'users':
      return <UsersStep onChanged={changed} />;
    case 'paper':
      return (
        <div className="doc-settings" data-testid="setup-paper">
          <div className="muted">{t('setup.paper.explain')}</div>
          <PaperCopiesForm saveLabel={t('setup.saveNext')} onSaved={() => (changed(), p.next())} />
        </div>
      );
    case 'printer':
      return <PrinterStep office={p.office} onSaved={p.onOffice} />;
    case 'done': {
      const left = fixableBy(p.missing, session);
      return (
        <div className="panel" data-testid="setup-done">
          {left.length ? <div>{t('setup.done.left')}</div> : <div>{t('setup.done.all')}</div>}
          {left.length ? <MissingList items={left} /> : null}
          <div>
            <Btn variant="primary" onClick={() => navigate('/')}>
              {t('setup.finish')}
            </Btn>
          </div>
        </div>
      );
    }
  }
}

/** 上一步 · 跳过 (or 下一步 once the step is done). */
function StepFoot({ at, done, go }: { at: number; done: boolean; go(s: SetupStep): void }) {
  const { t } = useI18n();
  const last = at === SETUP_STEPS.length - 1;
  return (
    <div className="setup-foot">
      {at > 0 ? <Btn onClick={() => go(SETUP_STEPS[at - 1])}>{t('setup.back')}</Btn> : null}
      <span className="spacer" />
      {last ? null : (
        <Btn variant={done ? 'primary' : 'plain'} onClick={() => go(SETUP_STEPS[at + 1])} data-testid="setup-forward">
          {done ? t('setup.next') : t('setup.skip')}
        </Btn>
      )}
    </div>
  );
}
