// The messages about lines, above a slip's header: each refused edit still true ("第 3 行: …"),
// and the lines asking for more than is on hand (red). Both go away with their line's fix.

import { Notice } from '../components/ui';
import './messages.css';
import { useI18n } from '../i18n';
import type { EditLine } from './lines';
import { lineIndex, type LineMessage, type OverOnHand } from './lineMessages';

export function LineNotices({ lines, msgs, over }: { lines: readonly EditLine[]; msgs: readonly LineMessage[]; over: readonly OverOnHand[] }) {
  const { t } = useI18n();
  return (
    <>
      {msgs.map((m) => (
        <Notice key={`m-${m.line.key}`} kind="warn">
          <span data-line-msg={m.line.key}>{t('num.onLine', { line: lineIndex(lines, m.line.key) + 1, msg: m.text })}</span>
        </Notice>
      ))}
      {over.length ? (
        <Notice kind="error">
          <span className="over-onhand">
            {over
              .map((o) => t('msg.overOnHand', { line: o.index + 1, item: `${o.line.itemCode} ${o.line.itemName}`, qty: o.qty, onHand: o.onHand }))
              .join('; ')}
          </span>
        </Notice>
      ) : null}
    </>
  );
}
