import { useI18n } from '../i18n';

/** 中文 | English */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <span className="lang-switch" role="group" aria-label={t('status.language')}>
      <button type="button" className={lang === 'zh' ? 'on' : ''} onClick={() => setLang('zh')}>
        中文
      </button>
      <button type="button" className={lang === 'en' ? 'on' : ''} onClick={() => setLang('en')}>
        English
      </button>
    </span>
  );
}
