// 报文格式 of the selected scanner, chosen by hand (auto: by its maker; Honeywell; Newland / Youjie):
// Youjie and other scanners sold under their own vendor ids send Newland's reports, which only a
// person who knows the scanner can tell. Saved per desk, as the choice of scanner is.

import { SCANNER_LAYOUT_CHOICES, type ScannerInfo, type ScannerLayoutChoice } from '../../../../shared/bridge';
import { useI18n, type MsgKey } from '../../i18n';
import { chooseLayout } from '../../scan';

export function LayoutChoice({ scanner }: { scanner: ScannerInfo | null }) {
  const { t } = useI18n();
  const usable = !!scanner && scanner.state !== 'keyboard';
  return (
    <div className="inline-field scanner-layout">
      <label className="field">
        <span className="field-label">{t('dv.layoutOf', { name: scanner?.name ?? '—' })}</span>
        <select
          className="input"
          disabled={!usable}
          value={scanner?.layoutChoice ?? 'auto'}
          onChange={(e) => scanner && chooseLayout(scanner.key, e.target.value as ScannerLayoutChoice)}
          data-testid="scanner-layout"
        >
          {SCANNER_LAYOUT_CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`dv.layout.${c}` as MsgKey)}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-sub">{t('dv.layoutHint')}</span>
    </div>
  );
}
