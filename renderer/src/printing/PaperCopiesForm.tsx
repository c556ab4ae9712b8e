// The paper slips print on (A5 landscape or A4 portrait) and the copies (联) each kind of slip prints
// in: one form, on 单据打印设置 and as the setup flow's step 单据联数与纸张. Saving it confirms the
// settings (office.setupStatus stops asking); who may not change them sees them read-only.

import { useEffect, useState } from 'react';
import type { Output, PaperSize } from '../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../api';
import { Btn, ErrorLine, Notice } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import './printing.css';

type Settings = Output<'documents.settings'>;
type SlipDocKind = keyof Settings['copies'];
const KINDS: SlipDocKind[] = ['dispatch', 'inbound', 'return', 'reversal'];

/** "第一联 存根、第二联 客户" → the names; 、 , ， ; ； and new lines separate (a space may be inside a name). */
export function splitCopies(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const copiesText = (s: Settings): Record<SlipDocKind, string> =>
  Object.fromEntries(KINDS.map((k) => [k, s.copies[k].join('、')])) as Record<SlipDocKind, string>;

export function PaperCopiesForm({ saveLabel, onSaved }: { saveLabel?: string; onSaved?(s: Settings): void }) {
  const { t, kind } = useI18n();
  const canEdit = useSession().can('documents.updateSettings');
  const [saved, setSaved] = useState<Settings | null>(null);
  const [paper, setPaper] = useState<PaperSize>('A5');
  const [copies, setCopies] = useState<Record<SlipDocKind, string>>({ dispatch: '', inbound: '', return: '', reversal: '' });
  const [error, setError] = useState<DeskErr | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (s: Settings) => {
    setSaved(s);
    setPaper(s.paper);
    setCopies(copiesText(s));
  };
  useEffect(() => {
    void call('documents.settings', {}).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, []);

  const bad = KINDS.filter((k) => {
    const n = splitCopies(copies[k]);
    return n.length < 1 || n.length > 6 || n.some((x) => x.length > 20);
  });

  const save = async () => {
    if (!canEdit || busy || bad.length) return;
    setBusy(true);
    setError(null);
    setFlash(null);
    const r = await call(
      'documents.updateSettings',
      { paper, copies: Object.fromEntries(KINDS.map((k) => [k, splitCopies(copies[k])])) as Record<SlipDocKind, string[]> },
      { requestId: newRequestId() },
    );
    setBusy(false);
    if (!r.ok) return setError(r.error);
    show(r.value);
    setFlash(t('docset.saved'));
    onSaved?.(r.value);
  };

  return (
    <>
      {flash ? <Notice kind="ok">{flash}</Notice> : null}
      <ErrorLine error={error} />
      {saved ? (
        <form
          className="panel"
          data-testid="doc-settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="subhead">{t('docset.paper')}</div>
          <div className="radio-row">
            {(['A5', 'A4'] as const).map((p) => (
              <label key={p} className="radio">
                <input type="radio" name="paper" value={p} checked={paper === p} disabled={!canEdit} onChange={() => setPaper(p)} />
                <span>{p === 'A5' ? t('docset.a5') : t('docset.a4')}</span>
              </label>
            ))}
          </div>
          <div className="subhead">{t('docset.copies')}</div>
          <div className="muted">{t('docset.copiesHint')}</div>
          {KINDS.map((k) => (
            <label key={k} className="copies-row">
              <span>{k === 'reversal' ? t('docset.reversal') : kind(k)}</span>
              <input
                className={`input ${bad.includes(k) ? 'input-error' : ''}`}
                value={copies[k]}
                disabled={!canEdit}
                onChange={(e) => setCopies({ ...copies, [k]: e.target.value })}
                data-testid={`copies-${k}`}
              />
            </label>
          ))}
          {bad.length ? <div className="error-line">{t('docset.copiesBad')}</div> : null}
          {canEdit ? (
            <div>
              <Btn variant="primary" type="submit" disabled={busy || !!bad.length}>
                {saveLabel ?? t('common.save')}
              </Btn>
            </div>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
