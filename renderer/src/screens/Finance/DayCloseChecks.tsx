// 日结, the checks: each channel's statement figure against the books, and the reconciliation
// checks with their figures and the slips they name.

import { useI18n, type MsgKey } from '../../i18n';
import { acctKey, fen } from './common';
import type { ChannelDiff, Preview, Rec } from './dayClose';
import { DiffText } from './DayCloseCash';

interface ChannelProps {
  pv: Preview;
  rec: Rec | null;
  chanDiff: ChannelDiff[];
  stmt: Record<string, string>;
  onStatement(account: string, value: string): void;
}

export function ChannelTable({ pv, rec, chanDiff, stmt, onStatement }: ChannelProps) {
  const { t } = useI18n();
  return (
    <table className="fin-table">
      <thead>
        <tr>
          <th>{t('dc.account')}</th>
          <th className="num">{t('dc.expectedAmt')}</th>
          <th className="num">{t('dc.statement')}</th>
          <th className="num">{t('dc.diff')}</th>
        </tr>
      </thead>
      <tbody>
        {chanDiff.map((c) => {
          const closedCh = rec?.channels.find((x) => x.account === c.account);
          return (
            <tr key={c.account}>
              <td>{t(acctKey(c.account))}</td>
              <td className="num">{fen(c.expectedFen)}</td>
              <td className="num">
                {pv.closed ? (
                  fen(closedCh?.confirmedFen ?? null)
                ) : (
                  <input
                    className="input num"
                    data-account={c.account}
                    value={stmt[c.account] ?? ''}
                    placeholder={fen(c.expectedFen)}
                    onChange={(e) => onStatement(c.account, e.target.value)}
                  />
                )}
              </td>
              <td className="num">{pv.closed ? <DiffText fen={closedCh?.differenceFen ?? 0} /> : c.diffFen === null ? '—' : <DiffText fen={c.diffFen} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Check = Preview['checks'][number];

function CheckDetail({ check: c }: { check: Check }) {
  const { t, lang } = useI18n();
  const figLabel = (k: string) => {
    const key = `dc.fig.${k}` as MsgKey;
    const v = t(key);
    return v === key ? k : v;
  };
  return (
    <td>
      <div className="fin-figs">
        {Object.entries(c.figures).map(([k, v]) => (
          <span key={k}>
            {figLabel(k)} {k.endsWith('Fen') ? fen(v) : v}
          </span>
        ))}
      </div>
      {c.slips.length ? (
        <div>
          {t('dc.slipsNamed')}:{' '}
          {c.slips.map((s) => (
            <span key={s.slipId + s.problem_zh}>
              <a href={`#/slips/${s.slipId}`}>{s.no}</a> {lang === 'zh' ? s.problem_zh : s.problem_en} ({fen(s.expectedFen)} / {fen(s.recordedFen)}){' '}
            </span>
          ))}
        </div>
      ) : null}
    </td>
  );
}

export function ChecksTable({ checks }: { checks: Check[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="fin-table">
      <thead>
        <tr>
          <th>{t('dc.check')}</th>
          <th>{t('fin.state')}</th>
          <th>{t('dc.figures')}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.code}>
            <td>{lang === 'zh' ? c.title_zh : c.title_en}</td>
            <td className={`nowrap ${c.pass ? 'check-pass' : 'check-fail'}`}>{c.pass ? '✔ ' + t('dc.pass') : '✘ ' + t('dc.fail')}</td>
            <CheckDetail check={c} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
