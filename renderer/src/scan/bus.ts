// One path for every scanner: the keyboard wedge (here, in the renderer) and a HID-POS scanner in
// the main process (hid.ts) both publish `scan { code, symbology?, source }` on this bus.
// Scans are routed to ONE handler: the most recently registered active one (the screen or dialog
// on top), never to whatever field has focus.

import type { Gs1Fields } from '../../../shared/bridge';
import type { DeskErr } from '../api';

export interface ScanEvent {
  code: string;
  symbology?: string;
  source: 'wedge' | 'hid' | 'test';
  /** a HID scanner's path (the main process's) */
  device?: string;
  /** a GS1 symbol's elements (batch, expiry…); `code` is then its GTIN */
  gs1?: Gs1Fields;
  /** a GS1 expiry before the office's today (scans.read) */
  expired?: boolean;
  /** a GS1 string the core could not read (scans.read): the scan is not to be used */
  refused?: DeskErr;
}

export type ScanHandler = (e: ScanEvent) => void;

/** fallback (the app) < screen < dialog; among equals the latest claim wins */
export type ScanLevel = 'fallback' | 'screen' | 'dialog';
const RANK: Record<ScanLevel, number> = { fallback: 0, screen: 1, dialog: 2 };

const stack: { id: number; rank: number; handler: ScanHandler }[] = [];
const listeners = new Set<ScanHandler>();
let nextId = 1;

/** Register a handler on top of the routing stack; returns the function that removes it. */
export function claimScans(handler: ScanHandler, level: ScanLevel = 'screen'): () => void {
  const id = nextId++;
  stack.push({ id, rank: RANK[level], handler });
  stack.sort((a, b) => a.rank - b.rank || a.id - b.id);
  return () => {
    const i = stack.findIndex((s) => s.id === id);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** Watch every scan without taking it (status bar, logs). */
export function watchScans(fn: ScanHandler): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const interceptors: { test: (code: string) => boolean; handler: ScanHandler; rank: number; id: number }[] = [];

/**
 * Take every scan that passes `test`, whatever screen or dialog is on top (the printed slip's QR,
 * BD1|…, is checked the same way on any screen). A screen's interceptor goes before the app's
 * (the pick screens open a slip's QR for picking instead of checking it); among equals the latest
 * wins. Returns the function that removes it.
 */
export function interceptScans(test: (code: string) => boolean, handler: ScanHandler, level: 'app' | 'screen' = 'app'): () => void {
  const entry = { test, handler, rank: level === 'screen' ? 1 : 0, id: nextId++ };
  interceptors.push(entry);
  interceptors.sort((a, b) => a.rank - b.rank || a.id - b.id);
  return () => {
    const i = interceptors.indexOf(entry);
    if (i >= 0) interceptors.splice(i, 1);
  };
}

/** Publish a scan: the top handler gets it; watchers see it too. Returns true when someone took it. */
export function publishScan(e: ScanEvent): boolean {
  for (const l of listeners) l(e);
  for (let i = interceptors.length - 1; i >= 0; i--)
    if (interceptors[i].test(e.code)) {
      interceptors[i].handler(e);
      return true;
    }
  const top = stack[stack.length - 1];
  if (!top) return false;
  top.handler(e);
  return true;
}
