import { ExpiredTokenError, InvalidClaimsError } from './errors';

export interface ClaimsOptions {
  /** The current time in seconds since the epoch (default: the system clock), so tests need not wait. */
  now?: () => number;
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat` (default 0). */
  clockTolerance?: number;
  /**
   * Refuse tokens without `exp` (default false, as Flama, whose tokens may omit it; such a token is valid
   * forever, so set it when your issuer always sets `exp`).
   */
  requireExp?: boolean;
}

const timeClaims = ['exp', 'nbf', 'iat'] as const;

/** A time claim is absent or a finite number of seconds. */
function isTime(value: unknown): value is number | undefined {
  return value === undefined || Number.isFinite(value);
}

export function systemClock(): number {
  return Date.now() / 1000;
}

/**
 * Checks the registered time claims as Flama does: `exp` must be in the future, `nbf` and `iat` not. Each
 * must be a number of seconds when present.
 */
export function validateClaims(payload: Record<string, unknown>, options: ClaimsOptions = {}): void {
  const { exp, nbf, iat } = payload;
  if (!isTime(exp) || !isTime(nbf) || !isTime(iat)) {
    const malformed = timeClaims.filter((claim) => !isTime(payload[claim]));
    throw new InvalidClaimsError(
      malformed,
      `Invalid claims (${malformed.join(', ')}): must be seconds since the epoch`,
    );
  }
  if (exp === undefined && options.requireExp) {
    throw new InvalidClaimsError(['exp'], 'Token has no expiry (exp), which this service requires');
  }
  const now = (options.now ?? systemClock)();
  const tolerance = options.clockTolerance ?? 0;
  if (exp !== undefined && exp <= now - tolerance) throw new ExpiredTokenError();
  const future: string[] = [];
  if (nbf !== undefined && nbf > now + tolerance) future.push('nbf');
  if (iat !== undefined && iat > now + tolerance) future.push('iat');
  if (future.length > 0) throw new InvalidClaimsError(future);
}
