// The count's paper through the documents' print path (logged, 补打 from the second print): the
// count sheet (盘点表) on the entry tab, the report (盘点报告) on the variance tab when the user may see it.

import { PrintButtons } from '../../printing/PrintButtons';
import { useI18n } from '../../i18n';

export function CountPrint({ countId, report }: { countId: number; report: boolean }) {
  const { t } = useI18n();
  return (
    <span className="count-print" data-testid={report ? 'count-report' : 'count-sheet'}>
      <span className="muted">{t(report ? 'ct.report' : 'ct.sheet')}</span>
      <PrintButtons target={report ? { doc: 'countReport', countId } : { doc: 'countSheet', countId }} />
    </span>
  );
}
