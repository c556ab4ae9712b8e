// After a restart of the browser-mode server the renderer takes the new desk token from the page
// the server serves now: what injectDeskToken writes into index.html is what deskTokenOf reads.

import { describe, expect, it } from 'vitest';
import { injectDeskToken } from '../../electron/security';
import { deskTokenOf } from '../../renderer/src/api';

describe('the desk token of a served page', () => {
  it('reads back the token the server wrote, with or without the empty tag in the page', () => {
    const withTag = '<html><head><meta name="desk-token" content=""></head><body></body></html>';
    const withoutTag = '<html><head><title>x</title></head></html>';
    for (const html of [withTag, withoutTag]) expect(deskTokenOf(injectDeskToken(html, 'Ab_-09xyz'))).toBe('Ab_-09xyz');
  });

  it('finds none in a page without one (an error page, an empty tag)', () => {
    expect(deskTokenOf('<html><head></head></html>')).toBeNull();
    expect(deskTokenOf('<meta name="desk-token" content="">')).toBeNull();
    expect(deskTokenOf('{"ok":false}')).toBeNull();
  });
});
