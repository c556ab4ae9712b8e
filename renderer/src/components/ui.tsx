// Small building blocks: buttons that show their shortcut, error lines, fields, badges.

import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { DeskErr } from '../api';
import { useI18n } from '../i18n';
import { useKeyHelp } from '../hooks/keyHelp';

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

type BtnProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  hotkey?: string;
  variant?: 'primary' | 'danger' | 'plain';
  /** false: the key is not one of the screen's (the help overlay's own 关闭) */
  keyHelp?: boolean;
};

/** A button that shows its keyboard shortcut, e.g. [过账 F9]. */
export function Btn({ hotkey, variant = 'plain', children, className, keyHelp = true, ...rest }: BtnProps) {
  useKeyHelp(keyHelp && hotkey && !rest.disabled && typeof children === 'string' ? [[hotkey, children]] : [], 'button');
  return (
    <button type="button" className={`btn btn-${variant} ${className ?? ''}`} {...rest}>
      <span>{children}</span>
      {hotkey ? <Kbd>{hotkey}</Kbd> : null}
    </button>
  );
}

/** The error a call returned, in the user's language, shown where it happened. */
export function ErrorLine({ error, id }: { error: DeskErr | null | undefined; id?: string }) {
  const { err } = useI18n();
  if (!error) return null;
  return (
    <div className="error-line" role="alert" id={id}>
      {err(error)}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'ok' | 'warn' | 'error'; children: ReactNode }) {
  return <div className={`notice notice-${kind}`}>{children}</div>;
}

export function Field({ label, children, hint, wide }: { label: string; children: ReactNode; hint?: ReactNode; wide?: boolean }) {
  return (
    <label className={`field ${wide ? 'field-wide' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}

export function Badge({ ok, children, title }: { ok: boolean | null; children: ReactNode; title?: string }) {
  const cls = ok === null ? 'badge-neutral' : ok ? 'badge-ok' : 'badge-missing';
  return (
    <span className={`badge ${cls}`} title={title}>
      {children}
    </span>
  );
}

export function StateTag({ state }: { state: 'draft' | 'posted' | 'void' }) {
  const { state: name } = useI18n();
  return <span className={`state-tag state-${state}`}>{name(state)}</span>;
}

/** A row of key hints at the foot of a screen: F2 新建 · F9 过账 · Esc 返回. */
export function KeyHints({ items }: { items: [key: string, label: string][] }) {
  useKeyHelp(items, 'hints');
  return (
    <div className="key-hints">
      {items.map(([k, l]) => (
        <span key={k + l} className="key-hint">
          <Kbd>{k}</Kbd>
          {l}
        </span>
      ))}
    </div>
  );
}

export function Toolbar({ title, children, sub }: { title: ReactNode; children?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="toolbar">
      <div className="toolbar-title">
        <h1>{title}</h1>
        {sub ? <div className="toolbar-sub">{sub}</div> : null}
      </div>
      <div className="toolbar-actions">{children}</div>
    </div>
  );
}
