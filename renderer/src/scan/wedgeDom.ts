// Binds the wedge state machine to the window: every keydown, in the capture phase, wherever focus
// is. Keys of a recognised scan are kept out of the focused field; the few that landed before the
// burst was known to be a scan are removed by restoring the field to its state at the burst start.
// A fast burst that was not a scan gets its held characters inserted back where they belong.

import { GS, WedgeMachine, type WedgeOptions } from './wedge';
import { publishRead } from './read';

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  el: TextField;
  value: string;
  start: number | null;
  end: number | null;
}

function textField(el: Element | null): TextField | null {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && /^(text|search|tel|url|email|password|number|)$/.test(el.type)) return el;
  return null;
}

/** Set a field's value so React's onChange sees it (React tracks the native setter). */
function setFieldValue(el: TextField, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function restore(s: Snapshot): void {
  if (s.el.value === s.value) return;
  setFieldValue(s.el, s.value);
  try {
    if (s.start !== null && s.end !== null) s.el.setSelectionRange(s.start, s.end);
  } catch {
    /* number inputs have no selection */
  }
}

function insertText(text: string): void {
  const el = textField(document.activeElement);
  if (!el || el.readOnly || el.disabled) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  setFieldValue(el, el.value.slice(0, start) + text + el.value.slice(end));
  try {
    el.setSelectionRange(start + text.length, start + text.length);
  } catch {
    /* ignore */
  }
}

let installed: (() => void) | null = null;

/** Start listening; returns a function that stops. Safe to call twice (the second call is a no-op). */
export function installWedge(opts: Partial<WedgeOptions> = {}): () => void {
  if (installed) return installed;
  const machine = new WedgeMachine(opts);
  let snapshot: Snapshot | null = null;
  let timer: number | null = null;

  const handleEvents = (events: ReturnType<WedgeMachine['idle']>) => {
    for (const e of events) {
      if (e.type === 'burst') {
        const el = textField(document.activeElement);
        snapshot = el ? { el, value: el.value, start: el.selectionStart, end: el.selectionEnd } : null;
      } else if (e.type === 'release') {
        insertText(e.text.replaceAll(GS, ''));
      } else if (e.type === 'scan') {
        const snap = snapshot;
        snapshot = null;
        if (snap) {
          restore(snap);
          // An IME may commit its composition after we restored (on the Enter it saw first):
          // restore once more when it does. Only then — a later change is the app's own.
          if (e.ime) {
            const again = () => restore(snap);
            const onEnd = () => setTimeout(again, 0);
            snap.el.addEventListener('compositionend', onEnd, { once: true });
            setTimeout(() => snap.el.removeEventListener('compositionend', onEnd), 500);
            setTimeout(again, 0);
          }
        }
        publishRead({ code: e.code, source: 'wedge' });
      }
    }
  };

  const schedule = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    const d = machine.deadline();
    if (d === null) return;
    // generous: a late timer only delays giving back a fast typist's keys, it never splits a scan
    timer = window.setTimeout(
      () => {
        timer = null;
        handleEvents(machine.idle(performance.now()));
        schedule();
      },
      Math.max(0, d - performance.now()) + 150,
    );
  };

  // opt-in trace for field diagnosis: localStorage['branch-desk.wedgeTrace'] = '1' → window.__wedgeTrace
  let trace: unknown[] | null = null;
  try {
    if (localStorage.getItem('branch-desk.wedgeTrace') === '1') trace = (window as unknown as { __wedgeTrace: unknown[] }).__wedgeTrace = [];
  } catch {
    /* no storage */
  }

  const onKeyDown = (ev: KeyboardEvent) => {
    const step = machine.key({
      code: ev.code,
      key: ev.key,
      time: ev.timeStamp,
      shift: ev.shiftKey,
      capsLock: ev.getModifierState?.('CapsLock') ?? false,
      ctrl: ev.ctrlKey,
      alt: ev.altKey,
      meta: ev.metaKey,
      repeat: ev.repeat,
      ime: ev.key === 'Process' || ev.keyCode === 229 || ev.isComposing,
    });
    if (step.swallow) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
    trace?.push([ev.code, ev.key, Math.round(ev.timeStamp), step.swallow, step.events.map((e) => e.type + ('code' in e ? ':' + e.code : ''))]);
    handleEvents(step.events);
    schedule();
  };
  const onBlur = () => {
    handleEvents(machine.reset());
    schedule();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('blur', onBlur);
  installed = () => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('blur', onBlur);
    if (timer !== null) window.clearTimeout(timer);
    installed = null;
  };
  return installed;
}
