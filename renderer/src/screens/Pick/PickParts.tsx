// Parts of the pick screen: the progress bar and the two post confirmations (complete, or short
// with the lines still short).

import { ConfirmDialog } from '../../components/dialogs';
import { useI18n } from '../../i18n';
import type { PickLine } from '../../slip/pick';
import { pickedTotal, shortLines } from '../../slip/pick';
import { pickWord } from './words';

export function PickProgress({ lines, isReturn }: { lines: PickLine[]; isReturn: boolean }) {
  const { t } = useI18n();
  const total = lines.reduce((s, l) => s + l.ordered, 0);
  const picked = pickedTotal(lines);
  const short = shortLines(lines);
  return (
    <div className="pick-progress">
      <div className="pick-bar">
        <div className={`pick-bar-fill ${picked === total ? 'done' : ''}`} style={{ width: `${total ? (picked / total) * 100 : 0}%` }} />
      </div>
      <span className="pick-count-text">{t(pickWord(isReturn, 'progress'), { picked, total, lines: lines.length - short.length, all: lines.length })}</span>
    </div>
  );
}

function ShortTable({ lines, isReturn }: { lines: PickLine[]; isReturn: boolean }) {
  const { t } = useI18n();
  return (
    <table className="short-table">
      <thead>
        <tr>
          <th>{t('item.code')}</th>
          <th>{t('item.name')}</th>
          <th className="num">{isReturn ? t('pick.toReceive') : t('pick.ordered')}</th>
          <th className="num">{isReturn ? t('pick.received') : t('pick.picked')}</th>
          <th className="num">{t('pick.left')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.lineId}>
            <td>{l.itemCode}</td>
            <td>{l.itemName}</td>
            <td className="num">{l.ordered}</td>
            <td className="num">{l.picked}</td>
            <td className="num neg-amount">{l.ordered - l.picked}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ConfirmProps {
  confirm: 'complete' | 'short' | null;
  slipNo: string;
  lines: PickLine[];
  isReturn: boolean;
  postLabel: string;
  posting: boolean;
  onCancel(): void;
  onPost(): void;
}

export function PickConfirm({ confirm, slipNo, lines, isReturn, postLabel, posting, onCancel, onPost }: ConfirmProps) {
  const { t } = useI18n();
  const w = (k: Parameters<typeof pickWord>[1]) => pickWord(isReturn, k);
  if (confirm === 'complete') {
    const total = lines.reduce((s, l) => s + l.ordered, 0);
    return (
      <ConfirmDialog title={t('pick.confirmTitle', { no: slipNo })} confirmText={postLabel} busy={posting} onCancel={onCancel} onConfirm={onPost}>
        <p className="dialog-text">{t(w('confirmComplete'), { total, lines: lines.length })}</p>
        <DefectiveNote lines={lines} />
        <p className="muted">{t('slip.postFinal')}</p>
      </ConfirmDialog>
    );
  }
  if (confirm === 'short')
    return (
      <ConfirmDialog title={t(w('shortTitle'))} confirmText={t(w('confirmShort'))} danger busy={posting} onCancel={onCancel} onConfirm={onPost}>
        <p className="dialog-text">{t(w('shortText'), { post: postLabel })}</p>
        <ShortTable lines={shortLines(lines)} isReturn={isReturn} />
        <DefectiveNote lines={lines} />
      </ConfirmDialog>
    );
  return null;
}

/** On a return: which lines go into the books as defective (次品). */
function DefectiveNote({ lines }: { lines: PickLine[] }) {
  const { t } = useI18n();
  const marked = lines.filter((l) => l.defective && l.picked > 0);
  if (!marked.length) return null;
  return (
    <p className="dialog-text neg-amount" data-testid="defective-note">
      {t('recv.defectiveLines', { n: marked.length, names: marked.map((l) => `${l.itemCode} ${l.itemName}`).join('、') })}
    </p>
  );
}
