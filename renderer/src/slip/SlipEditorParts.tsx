// Parts of the slip editor shell: its toolbar (title, 保存草稿 · the kind's buttons · 作废 · 新建),
// the scan panel with the item search, and the key hints of editing lines.

import { SLIP_SIGNATURES } from '../../../shared/contract';
import { ItemPicker } from '../components/pickers';
import { Btn, StateTag, Toolbar } from '../components/ui';
import { navigate } from '../hooks/router';
import { useI18n, type I18n } from '../i18n';
import { ScanPanel, SignatureBadges } from './parts';
import type { ItemSearch, SlipEditorShellProps } from './SlipEditorShell';
import type { ScanMessage } from './useLineScanner';
import { EDITOR_ROUTE, type SlipDraft } from './useSlipDraft';
import { formatTime } from '../i18n/clock';

export interface ScanState {
  message: ScanMessage | null;
  waiting: number;
  prompt: string;
  /** shown to those who may not edit too */
  always?: boolean;
}

type ToolbarProps = Pick<SlipEditorShellProps, 'kind' | 'draft' | 'canEdit' | 'canNew' | 'onSave' | 'actions' | 'setVoiding'>;

export function EditorToolbar({ kind, draft, canEdit, canNew, onSave, actions, setVoiding }: ToolbarProps) {
  const { t } = useI18n();
  const s = draft.slip;
  return (
    <Toolbar
      title={
        <>
          {t(`kind.${kind}`)} <span className="slip-no">{s?.no ?? t('slip.newNo')}</span> <StateTag state={s?.state ?? 'draft'} />
          <SignatureBadges kind={kind} missing={s?.missingSignatures ?? SLIP_SIGNATURES[kind]} short />
          {canEdit ? <SaveState draft={draft} /> : null}
        </>
      }
    >
      {canEdit ? (
        <Btn hotkey="F4" onClick={onSave} disabled={draft.busy}>
          {t('slip.saveDraft')}
        </Btn>
      ) : null}
      {actions}
      {s && canEdit ? (
        <Btn variant="danger" onClick={() => setVoiding(true)}>
          {t('slip.void')}
        </Btn>
      ) : null}
      {canNew ? (
        <Btn hotkey="F2" onClick={() => navigate(`/${EDITOR_ROUTE[kind]}/new`)}>
          {t('slip.new')}
        </Btn>
      ) : null}
    </Toolbar>
  );
}

/** The autosave, unobtrusive beside the slip's number: 未保存 · 保存中… · 已自动保存 21:03 · 未能自动保存. */
export function SaveState({ draft }: { draft: SlipDraft }) {
  const { t, err } = useI18n();
  const st = draft.saveStatus;
  if (st.state === 'failed')
    return (
      <span className="save-state save-failed" title={err(st.error)} role="status">
        {t(st.retrying ? 'draft.retrying' : 'draft.failed')}
      </span>
    );
  if (st.state === 'saving')
    return (
      <span className="save-state" role="status">
        {t('draft.saving')}
      </span>
    );
  if (draft.dirty)
    return (
      <span className="save-state save-pending" role="status">
        {t('slip.unsaved')}
      </span>
    );
  if (st.state === 'saved')
    return (
      <span className="save-state save-done" role="status">
        {t('draft.savedAt', { time: formatTime(new Date(st.atMs).toISOString()) })}
      </span>
    );
  return null;
}

export function ScanArea({ canEdit, scan, search }: { canEdit: boolean; scan: ScanState; search?: ItemSearch }) {
  const { t } = useI18n();
  return (
    <>
      {canEdit || scan.always ? <ScanPanel message={scan.message} waiting={scan.waiting} prompt={scan.prompt} /> : null}
      {canEdit && search ? (
        <div className="add-line">
          <span className="add-line-label">{t('slip.addBySearch')}</span>
          <ItemPicker clearOnPick inputRef={search.inputRef} onPick={search.onPick} />
        </div>
      ) : null}
    </>
  );
}

/** Key hints of editing the lines: scan, (F3 search), F7, Enter, (Ctrl+Delete), F4. */
export function editHints(t: I18n['t'], scanHint: string, byItem: boolean): [string, string][] {
  const only = (yes: boolean, hint: [string, string]) => (yes ? [hint] : []);
  return [
    [t('keys.scan'), scanHint],
    ...only(byItem, ['F3', t('slip.addBySearch')]),
    ['F7', t('keys.toLines')],
    ['Enter', t('keys.editCell')],
    ...only(byItem, ['Ctrl+Delete', t('keys.removeLine')]),
    ['F4', t('slip.saveDraft')],
  ];
}
