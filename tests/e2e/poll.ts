// expect.poll with the e2e harness's patience (vitest's default is one second): for test files
// only (the harness itself is also used by scripts/screenshots.ts, outside vitest).

import { expect } from 'vitest';
import { ACTION_TIMEOUT } from './harness';

export function poll<T>(fn: () => T | Promise<T>, timeout = ACTION_TIMEOUT) {
  return expect.poll(fn, { timeout, interval: 50 });
}
