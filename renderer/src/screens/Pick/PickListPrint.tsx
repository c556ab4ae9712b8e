// 拣货单 on the pick screen: the dispatch's lines by 库位 with the oldest layer to take and a box to
// tick, printed through the documents' print path (logged; 补打 from the second print).

import { PrintButtons } from '../../printing/PrintButtons';
import { useI18n } from '../../i18n';

export function PickListPrint({ slipId }: { slipId: number }) {
  const { t } = useI18n();
  return (
    <span className="pick-list-print" data-testid="pick-list-print">
      <span className="muted">{t('rep.pickList')}</span>
      <PrintButtons target={{ doc: 'pickList', slipId }} />
    </span>
  );
}
