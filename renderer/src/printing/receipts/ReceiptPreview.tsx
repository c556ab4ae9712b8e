// A receipt as it will print: the SVG the core drew from the same builder as the printer's bytes,
// shown as an image at its own size (12 px a column), so Chinese text sits on the printer's grid.

import { useI18n } from '../../i18n';

export function ReceiptPreview({ svg }: { svg: string | null }) {
  const { t } = useI18n();
  return (
    <div className="receipt-preview panel" data-testid="receipt-preview">
      <div className="subhead">{t('rp.preview')}</div>
      <div className="muted">{t('rp.previewHint')}</div>
      {svg ? <img alt={t('rp.preview')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} /> : null}
    </div>
  );
}
