import { HTTPException } from '@flama/routing';
import { DataError, IntegrityError, MultipleRecordsError, NotFoundError } from './errors';

/**
 * For `.catch()` at the HTTP edge: a NotFoundError becomes a 404; an IntegrityError, DataError or
 * MultipleRecordsError (the caller's data at fault) a 400 with its message; anything else is rethrown as is.
 */
export function rethrowAsHTTP(error: unknown): never {
  if (error instanceof NotFoundError) throw new HTTPException(404);
  if (
    error instanceof IntegrityError ||
    error instanceof DataError ||
    error instanceof MultipleRecordsError
  ) {
    throw new HTTPException(400, error.message);
  }
  throw error;
}
