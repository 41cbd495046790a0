import type { Context } from 'hono';
import type { z } from 'zod';
import { isResponse } from './is-response';

/** The handler returned something its response schema rejects: a server bug, so a 500. */
export class ResponseValidationError extends Error {
  override name = 'ResponseValidationError';

  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(
      `The handler's result does not match its response schema: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
}

/**
 * How a route turns its handler's result into a response, built once: a Response passes through;
 * `undefined` (without a response schema) is an empty body; anything else (objects, arrays, strings, numbers,
 * null) is JSON, checked and stripped by the response schema.
 */
export function responder(
  schema: z.ZodType | undefined,
  status: number,
): (c: Context, result: unknown) => Response {
  if (status === 204 || status === 304) {
    return (c, result) => (isResponse(result) ? result : c.body(null, status as 204));
  }
  if (!schema) {
    return (c, result) => {
      if (isResponse(result)) return result;
      // Nothing returned: the declared status with an empty body (a 201 or 202 with nothing to say).
      return result === undefined ? c.body(null, status as 200) : c.json(result, status as 200);
    };
  }
  return (c, result) => {
    if (isResponse(result)) return result;
    const parsed = schema.safeParse(result);
    if (!parsed.success) throw new ResponseValidationError(parsed.error.issues);
    return c.json(parsed.data ?? null, status as 200);
  };
}
