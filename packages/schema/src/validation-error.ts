import type { ErrorDetail } from './error-detail';

/** Input that failed validation. `detail` is Flama's map of dotted field paths to messages. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    readonly detail: ErrorDetail,
    message?: string,
  ) {
    super(message ?? summarize(detail));
  }
}

function summarize(detail: ErrorDetail): string {
  const parts = Object.entries(detail).map(([key, messages]) => `${key}: ${messages.join(', ')}`);
  return parts.length === 0 ? 'Validation failed' : `Validation failed (${parts.join('; ')})`;
}
