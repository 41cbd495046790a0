import { ValidationError } from '@flama/schema';
import type { Context } from 'hono';
import { HTTPException as HonoHTTPException } from 'hono/http-exception';
import { debugResponse } from './debug-response';
import { errorResponse } from './error-response';
import { HTTPException, statusText } from './http-exception';

export interface ErrorHandlerOptions {
  debug: boolean;
  /** Where unexpected errors are reported (never to the client unless `debug`). */
  log: (error: unknown, c: Context) => void;
}

/**
 * An error a package outside routing throws with an HTTP status, by the http-errors convention: a 4xx or
 * 5xx `status` and `expose: true` (its message is safe to show). The message becomes the detail, its name
 * the `error` field, its `headers` (if any) the response's. Without `expose`, an error is a 500 with no detail.
 */
export interface ClientError extends Error {
  readonly status: number;
  readonly expose: true;
  /** Headers the response carries, e.g. `Retry-After` on a 503. */
  readonly headers?: Record<string, string>;
}

function isClientError(error: Error): error is ClientError {
  const { status, expose } = error as Partial<ClientError>;
  return expose === true && typeof status === 'number' && status >= 400 && status < 600;
}

/** Turns anything thrown while handling a request into Flama's JSON error response. */
export function errorHandler(options: ErrorHandlerOptions): (error: Error, c: Context) => Response {
  return (error, c) => {
    if (error instanceof HTTPException) {
      return errorResponse(error.status, error.detail, 'HTTPException', error.headers);
    }
    if (error instanceof ValidationError) return errorResponse(400, error.detail, 'ValidationError');
    if (error instanceof HonoHTTPException) {
      const headers = error.res ? Object.fromEntries(error.res.headers) : undefined;
      delete headers?.['content-type'];
      delete headers?.['content-length'];
      return errorResponse(error.status, error.message || statusText(error.status), 'HTTPException', headers);
    }
    if (isClientError(error)) return errorResponse(error.status, error.message, error.name, error.headers);
    options.log(error, c);
    if (options.debug) return debugResponse(error, c.req.raw);
    return errorResponse(500, statusText(500));
  };
}
