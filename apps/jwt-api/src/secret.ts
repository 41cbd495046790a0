/** The secret of Flama's JWT tutorial, `uuid.UUID(int=0).bytes`: public, so fit only for trying the app out. */
const tutorialSecret = new Uint8Array(16);

/**
 * The secret that signs and verifies tokens: `JWT_SECRET` as UTF-8. Without it the app runs on the
 * tutorial's secret with a loud warning, and refuses to start in production.
 */
export function jwtSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const secret = env.JWT_SECRET;
  if (secret) return new TextEncoder().encode(secret);
  if (env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET is not set: refusing to start in production without a real secret.');
  }
  console.warn(
    [
      '',
      '  ************************************************************************',
      '  WARNING: JWT_SECRET is not set. Tokens are signed with the tutorial’s',
      '  16 zero bytes, which anyone can use to forge them. Set JWT_SECRET to a',
      '  long random value (e.g. `openssl rand -base64 48`) for anything real.',
      '  ************************************************************************',
      '',
    ].join('\n'),
  );
  return tutorialSecret;
}
