// What the core checks of a call before the contract reads its input: how deep the input is nested
// and the client request id. Both are refused as `invalid_input` naming the field, like any field
// the contract refuses, so a request 5,000 levels deep or a request id with a lone surrogate is a
// clear refusal with nothing written, never a stack overflow or a broken audit chain.

import type { DeskError } from '../../shared/errors';
import type { PathSegment } from '../../shared/fieldLabels';
import { invalidFields, namedIssue } from './fieldErrors';

/** Deeper than any input of the contract (the deepest, import.commit's cells, is 4 levels). */
export const MAX_INPUT_DEPTH = 16;
/** The most characters of a request id (the doors' envelope holds them to the same). */
export const MAX_REQUEST_ID_CHARS = 200;
/** printable ASCII without spaces: a UUID, `post-7f3a`, `fd-12` */
const REQUEST_ID = /^[\x21-\x7e]+$/;

/** Whether a value may serve as a client request id. */
export function isRequestId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_REQUEST_ID_CHARS && REQUEST_ID.test(id);
}

/** The path to the first object or array nested deeper than `max` levels, or null. Walks without recursion. */
export function tooDeepAt(input: unknown, max: number = MAX_INPUT_DEPTH): PathSegment[] | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= max) return path;
    const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) if (v !== null && typeof v === 'object') stack.push({ value: v, path: [...path, k] });
  }
  return null;
}

/** The refusal of an input nested too deep, or of a request id that is not one; null when the call may go on. */
export function shapeRefusal(method: string, input: unknown, requestId: unknown): DeskError | null {
  const deep = tooDeepAt(input);
  if (deep) return invalidFields([namedIssue(method, deep, [`嵌套过深(最多 ${MAX_INPUT_DEPTH} 层)`, `nested too deep (at most ${MAX_INPUT_DEPTH} levels)`])]);
  if (requestId != null && !isRequestId(requestId))
    return invalidFields([
      namedIssue(
        method,
        ['requestId'],
        [`须是 1–${MAX_REQUEST_ID_CHARS} 个可见 ASCII 字符(不含空格)`, `must be 1–${MAX_REQUEST_ID_CHARS} printable ASCII characters without spaces`],
      ),
    ]);
  return null;
}
