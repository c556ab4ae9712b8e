// A search-as-you-type picker for the keyboard: type (Chinese, code or pinyin initials), ↑/↓ to
// choose, Enter to take, Esc to close. Works with an IME: nothing happens mid-composition.

import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { watchScans } from '../scan/bus';

export interface ComboProps<T> {
  value: T | null;
  display(v: T): string;
  search(q: string): Promise<T[]>;
  renderOption(v: T): ReactNode;
  optionKey(v: T): string | number;
  onPick(v: T): void;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /** after a pick, empty the box (an "add a line" search) instead of showing the pick */
  clearOnPick?: boolean;
  disabled?: boolean;
  className?: string;
  emptyText?: string;
  id?: string;
}

export function ComboBox<T>(p: ComboProps<T>) {
  const [text, setText] = useState(p.value ? p.display(p.value) : '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<T[]>([]);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState(false);
  const seq = useRef(0);
  const listId = useId();

  useEffect(() => {
    if (!editing) setText(p.value ? p.display(p.value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.value, editing]);

  // a scan is never typing: close the list its first keys may have opened
  useEffect(
    () =>
      watchScans(() => {
        setOpen(false);
        setEditing(false);
      }),
    [],
  );

  const runSearch = (q: string) => {
    const my = ++seq.current;
    void p.search(q).then((rows) => {
      if (my !== seq.current) return;
      setOptions(rows);
      setActive(0);
    });
  };

  useEffect(() => {
    if (!editing) return;
    const h = setTimeout(() => runSearch(text.trim()), 120);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, editing]);

  const pick = (v: T) => {
    p.onPick(v);
    setOpen(false);
    setEditing(false);
    setText(p.clearOnPick ? '' : p.display(v));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setEditing(true);
        runSearch(text.trim());
      } else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && options.length) {
      e.preventDefault();
      e.stopPropagation();
      pick(options[Math.min(active, options.length - 1)]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setEditing(false);
      setText(p.clearOnPick || !p.value ? '' : p.display(p.value));
    }
  };

  return (
    <div className={`combo ${p.className ?? ''}`} data-combo-open={open ? 'true' : 'false'}>
      <input
        id={p.id}
        ref={p.inputRef}
        className="input"
        value={text}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
        disabled={p.disabled}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setEditing(true);
          setOpen(true);
        }}
        onFocus={(e) => e.target.select()}
        onBlur={() =>
          setTimeout(() => {
            setOpen(false);
            setEditing(false);
          }, 150)
        }
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="combo-list" id={listId} role="listbox">
          {options.length === 0 ? <li className="combo-empty">{p.emptyText ?? '—'}</li> : null}
          {options.map((o, i) => (
            <li
              key={p.optionKey(o)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {p.renderOption(o)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
