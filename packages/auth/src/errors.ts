/**
 * Why a token was refused. Messages describe the token's fault without quoting it, so they are safe to send
 * to the client (the HTTP layer answers 401 with the message as `detail`) and to log.
 */
export class JWTError extends Error {
  override name = 'JWTError';
}

/** The text is not a well-formed token: wrong segment count, bad base64url or JSON, too long. */
export class JWTDecodeError extends JWTError {
  override name = 'JWTDecodeError';
}

/** The header names no algorithm, an unknown one, `none`, or one the verifying key cannot be used with. */
export class UnsupportedAlgorithmError extends JWTError {
  override name = 'UnsupportedAlgorithmError';
}

/** The token is well formed but not acceptable. */
export class JWTValidateError extends JWTError {
  override name = 'JWTValidateError';
}

/** The signature does not match the header and payload for this key. */
export class InvalidSignatureError extends JWTValidateError {
  override name = 'InvalidSignatureError';

  constructor() {
    super('Signature verification failed');
  }
}

/** Registered claims that fail: `nbf` or `iat` in the future, a time claim that is not a number. */
export class InvalidClaimsError extends JWTValidateError {
  override name = 'InvalidClaimsError';

  constructor(
    readonly claims: readonly string[],
    message = `Invalid claims (${claims.join(', ')})`,
  ) {
    super(message);
  }
}

/** `exp` has passed (beyond the clock tolerance). */
export class ExpiredTokenError extends InvalidClaimsError {
  override name = 'ExpiredTokenError';

  constructor() {
    super(['exp'], 'Token expired');
  }
}
