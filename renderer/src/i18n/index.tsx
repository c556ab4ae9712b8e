// Every visible string goes through t(): a typed dictionary in Chinese (default) and English.
// The English dictionary must have exactly the Chinese one's keys (the compiler checks it).

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ROLE_EN, ROLE_ZH, type Role } from '../../../shared/roles';
import { PAYMENT_MODE_ZH, SLIP_KIND_ZH, type PaymentMode, type SlipKind, type SlipState } from '../../../shared/contract';
import { zh, type MsgKey } from './zh';
import { en } from './en';
import type { DeskErr } from '../api';
import { format, type Vars } from './format';
import { refusalText, type Refusal } from '../numbers';

export { format };

export type Lang = 'zh' | 'en';
export type { MsgKey };
export type { Vars };

const DICTS: Record<Lang, Record<MsgKey, string>> = { zh, en };
const LANG_KEY = 'branch-desk.lang';

export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  return format(DICTS[lang][key] ?? zh[key] ?? key, vars);
}

/** An error found here in the renderer, in both languages like the core's. */
export function localError(key: MsgKey, vars?: Vars, code = 'invalid_input'): DeskErr {
  return { code, message_zh: translate('zh', key, vars), message_en: translate('en', key, vars), details: {} };
}

/** A typed number refused by renderer/src/numbers.ts, as an error in both languages. */
export function refusalError(r: Refusal): DeskErr {
  return {
    code: 'invalid_input',
    message_zh: refusalText(r, (k, v) => translate('zh', k, v)),
    message_en: refusalText(r, (k, v) => translate('en', k, v)),
    details: { field: r.field, reason: r.reason },
  };
}

const KIND_EN: Record<SlipKind, string> = {
  inbound: 'Inbound slip',
  dispatch: 'Dispatch slip',
  return: 'Return slip',
  reversal: 'Reversal',
  opening: 'Opening stock slip',
  count: 'Stock count',
  writeoff: 'Write-off slip',
  hqReturn: 'Return to HQ',
  repair: 'Repair slip',
};
const PAY_EN: Record<PaymentMode, string> = { cash: 'Cash', wechat: 'WeChat Pay', alipay: 'Alipay', bank: 'Bank transfer', credit: 'On credit' };
const STATE_KEY: Record<SlipState, MsgKey> = { draft: 'state.draft', posted: 'state.posted', void: 'state.void' };

export interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: MsgKey, vars?: Vars): string;
  role(r: Role): string;
  roles(rs: readonly Role[]): string;
  kind(k: SlipKind): string;
  state(s: SlipState): string;
  pay(p: PaymentMode | null | undefined): string;
  err(e: DeskErr | null | undefined): string;
}

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'en' || v === 'zh') return v;
  } catch {
    /* ignore */
  }
  return 'zh';
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  // <html lang> follows the language from the start too (a reload in English), so screen readers
  // and the font fallback (Han glyphs: zh-CN) read the page in the right language
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      role: (r) => (lang === 'zh' ? ROLE_ZH[r] : ROLE_EN[r]),
      roles: (rs) => rs.map((r) => (lang === 'zh' ? ROLE_ZH[r] : ROLE_EN[r])).join(lang === 'zh' ? '、' : ', '),
      kind: (k) => (lang === 'zh' ? SLIP_KIND_ZH[k] : KIND_EN[k]),
      state: (s) => translate(lang, STATE_KEY[s]),
      pay: (p) => (p ? (lang === 'zh' ? PAYMENT_MODE_ZH[p] : PAY_EN[p]) : ''),
      err: (e) => (e ? (lang === 'zh' ? e.message_zh : e.message_en) : ''),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
