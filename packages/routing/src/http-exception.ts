import { reasonPhrases } from './reason-phrases';

export type ErrorDetail = string | Record<string, unknown> | unknown[];

/** Throw from a handler, component or middleware to answer with an HTTP error. */
export class HTTPException extends Error {
  override name = 'HTTPException';
  readonly detail: ErrorDetail;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly status: number,
    detail?: ErrorDetail,
    headers?: Record<string, string>,
  ) {
    const text = detail ?? statusText(status);
    super(typeof text === 'string' ? text : statusText(status));
    this.detail = text;
    this.headers = headers;
  }
}

export function statusText(status: number): string {
  return reasonPhrases[status] ?? 'Unknown Status';
}
