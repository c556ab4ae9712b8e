import { describe, expect, it, vi } from 'vitest';
import { claimScans, interceptScans, publishScan } from '../../renderer/src/scan/bus';

const isQr = (c: string) => c.toUpperCase().startsWith('BD1|');

describe('scan bus: the printed slip QR goes to the checker on any screen', () => {
  it('an interceptor takes matching scans before the dialog on top; others still go to the top claimant', () => {
    const screen = vi.fn();
    const dialog = vi.fn();
    const qr = vi.fn();
    const offScreen = claimScans(screen, 'screen');
    const offDialog = claimScans(dialog, 'dialog');
    const offQr = interceptScans(isQr, qr);
    expect(publishScan({ code: 'BD1|FH202611290001|ab|cd', source: 'test' })).toBe(true);
    expect(qr).toHaveBeenCalledTimes(1);
    expect(dialog).not.toHaveBeenCalled();
    publishScan({ code: '6923456000247', source: 'test' });
    expect(dialog).toHaveBeenCalledTimes(1);
    expect(qr).toHaveBeenCalledTimes(1);
    offQr();
    publishScan({ code: 'BD1|x', source: 'test' });
    expect(dialog).toHaveBeenCalledTimes(2);
    offDialog();
    offScreen();
    expect(screen).not.toHaveBeenCalled();
  });
});

describe('scan bus: a screen may take the slip QR before the app', () => {
  it("a screen's interceptor goes before the app's, whichever registered first; when it goes, the app's takes the QR again", () => {
    const app = vi.fn();
    const pick = vi.fn();
    const offPick = interceptScans(isQr, pick, 'screen');
    const offApp = interceptScans(isQr, app);
    publishScan({ code: 'BD1|FH202611290001|ab|cd', source: 'test' });
    expect([pick.mock.calls.length, app.mock.calls.length]).toEqual([1, 0]);
    offPick();
    publishScan({ code: 'BD1|FH202611290001|ab|cd', source: 'test' });
    expect([pick.mock.calls.length, app.mock.calls.length]).toEqual([1, 1]);
    offApp();
  });
});
