// A modal dialog: Esc cancels, Enter (outside a multi-line field) confirms, Tab stays inside,
// keys for the screen below do not fire while it is open.

import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useHotkeys, type KeyMap } from '../hooks/hotkeys';
import { useScan } from '../scan/useScan';
import { beep } from '../scan/beep';

interface Props {
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onCancel(): void;
  /** Enter confirms (unless focus is in a control that uses Enter itself) */
  onConfirm?: () => void;
  width?: number;
  keys?: KeyMap;
  /**
   * 'refuse' (default): a scan while this dialog is open is refused with a buzz, so it never acts
   * on the screen underneath. 'pass': the screen keeps taking scans (they queue behind the dialog).
   */
  scans?: 'refuse' | 'pass';
}

export function Dialog({ title, children, footer, onCancel, onConfirm, width = 480, keys, scans = 'refuse' }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useScan(() => beep('error'), scans === 'refuse', 'dialog');
  useHotkeys(
    {
      Escape: () => onCancel(),
      ...(onConfirm
        ? {
            Enter: (e: KeyboardEvent) => {
              const t = e.target as HTMLElement | null;
              if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON' || t.closest('[data-combo-open="true"]'))) {
                if (t.tagName === 'BUTTON') (t as HTMLButtonElement).click();
                return;
              }
              onConfirm();
            },
          }
        : {}),
      ...keys,
    },
    { modal: true },
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const prev = document.activeElement as HTMLElement | null;
    if (!el.contains(document.activeElement)) {
      const first =
        el.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
        el.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])');
      first?.focus();
    }
    return () => {
      if (prev && document.contains(prev)) prev.focus();
    };
  }, []);

  const trapTab = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || !box.current) return;
    const f = Array.from(
      box.current.querySelectorAll<HTMLElement>(
        'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]',
      ),
    ).filter((x) => x.offsetParent !== null);
    if (!f.length) return;
    const first = f[0];
    const last = f[f.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" ref={box} style={{ width }} onKeyDown={trapTab}>
        <div className="dialog-title">{title}</div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
