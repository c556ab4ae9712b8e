// Signing on a slip editor (dispatch, return): the 签字 button (F6), the keeper's way on to picking
// once every signature is there (F9), and the PIN dialog.

import type { Slip } from '../../../shared/contract';
import { SignDialog } from '../components/SignDialog';
import { Btn } from '../components/ui';
import type { KeyMap } from '../hooks/hotkeys';
import { navigate } from '../hooks/router';
import { useI18n, type I18n } from '../i18n';
import { beep } from '../scan/beep';
import type { ScanMessage } from './useLineScanner';
import type { SlipDraft } from './useSlipDraft';
import type { OverOnHand } from './lineMessages';

/** Saved, nothing changed since, and every signature there: the keeper may pick. */
export function isFullySigned(draft: SlipDraft): boolean {
  const s = draft.slip;
  return !!s && s.missingSignatures.length === 0 && !draft.dirty;
}

const toPick = (draft: SlipDraft) => navigate(`/pick/${draft.slip!.id}`);

/** F6 signs, F9 (keeper) goes to picking once fully signed. */
export function signingKeys(draft: SlipDraft, isKeeper: boolean, startSign: () => Promise<unknown>): KeyMap {
  return {
    F6: () => void startSign(),
    F9: () => isFullySigned(draft) && isKeeper && toPick(draft),
  };
}

export function SignPickButtons(p: { draft: SlipDraft; isKeeper: boolean; pickLabel: string; needsLines?: boolean; onSign(): void }) {
  const { t } = useI18n();
  const { draft } = p;
  const s = draft.slip;
  const fullySigned = isFullySigned(draft);
  const nothingToSign = !!s && !s.missingSignatures.length && !draft.dirty;
  return (
    <>
      <Btn
        variant={fullySigned ? 'plain' : 'primary'}
        hotkey="F6"
        onClick={p.onSign}
        disabled={draft.busy || (!!p.needsLines && !draft.lines.length) || nothingToSign}
      >
        {t('sign.button')}
      </Btn>
      {p.isKeeper ? (
        <Btn variant="primary" hotkey="F9" disabled={!fullySigned} onClick={() => toPick(draft)}>
          {p.pickLabel}
        </Btn>
      ) : null}
    </>
  );
}

/** The signature dialog; a signature replaces the editor's copy of the slip. */
export function SigningDialog(p: { slip: Slip | null; draft: SlipDraft; onClose(): void; say(m: ScanMessage): void; over?: readonly OverOnHand[] }) {
  const { t } = useI18n();
  if (!p.slip) return null;
  return (
    <SignDialog
      slip={p.slip}
      over={p.over}
      onCancel={p.onClose}
      onSigned={(x) => {
        p.onClose();
        beep('ok');
        p.draft.replaceSlip(x);
        p.say({ ok: true, text: t('sign.done', { no: x.no }) });
      }}
    />
  );
}

/** Key hints of signing: F6, and F9 for the keeper. */
export function signingHints(t: I18n['t'], isKeeper: boolean, pickLabel: string): [string, string][] {
  return [['F6', t('sign.button')], ...(isKeeper ? ([['F9', pickLabel]] as [string, string][]) : [])];
}
