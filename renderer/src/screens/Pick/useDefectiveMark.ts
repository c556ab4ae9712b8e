// Receiving a customer return: F7 (or a click on its 品质 cell) marks a line defective (次品) or
// takes the mark off: the focused line, else the line the last scan counted on. A line with
// nothing received cannot be marked. The mark is part of the count (Ctrl+Z undoes it).

import type { RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { useI18n } from '../../i18n';
import { beep } from '../../scan/beep';
import { toggleDefective } from '../../slip/pick';
import type { ScanMessage } from '../../slip/useLineScanner';
import type { PickCount } from './usePickCount';

interface Options {
  on: boolean;
  count: PickCount;
  grid: RefObject<AgGridReact | null>;
  lastIndex: RefObject<number | null>;
  say(m: ScanMessage): void;
}

export function useDefectiveMark({ on, count, grid, lastIndex, say }: Options) {
  const { t } = useI18n();
  return (index?: number) => {
    if (!on) return;
    const i = index ?? grid.current?.api.getFocusedCell()?.rowIndex ?? lastIndex.current;
    const cur = count.linesRef.current;
    if (i == null || !cur[i]) return;
    const name = `${cur[i].itemCode} ${cur[i].itemName}`;
    const o = toggleDefective(cur, i);
    if (!o.ok) {
      beep('error');
      say({ ok: false, text: t('recv.defectiveNone', { name }) });
      return;
    }
    count.commit(o.lines, cur);
    say({ ok: true, text: t(o.defective ? 'recv.defectiveOn' : 'recv.defectiveOff', { name }) });
  };
}
