// api.call tells onWritten listeners after each write the core took (the setup banner reads again
// what is still missing): not after a read, not after a refused write, not once unsubscribed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, onWritten } from '../../renderer/src/api';
import type { MethodName } from '../../shared/contract';

const refused = { ok: false, error: { code: 'code_taken', message_zh: '编码已存在', message_en: 'code taken', details: {} } };
let answer: unknown = { ok: true, value: {} };
const g = globalThis as unknown as { window?: unknown };

describe('onWritten', () => {
  beforeAll(() => {
    g.window = { desk: { call: async () => answer } };
  });
  afterAll(() => {
    delete g.window;
  });

  it('hears each write the core took, and nothing else', async () => {
    const heard: MethodName[] = [];
    const off = onWritten((m) => heard.push(m));
    answer = { ok: true, value: {} };
    await call('customers.create', {} as never, { requestId: 'r1' });
    await call('customers.list', {} as never);
    await call('office.setupStatus', {});
    answer = refused;
    await call('import.commit', {} as never, { requestId: 'r2' });
    expect(heard).toEqual(['customers.create']);

    off();
    answer = { ok: true, value: {} };
    await call('opening.postStock', {} as never, { requestId: 'r3' });
    expect(heard).toEqual(['customers.create']);
  });
});
