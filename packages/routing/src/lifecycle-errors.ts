/** The app could not start: a module failed, a hook threw, or a route needs a component nobody provides. */
export class StartupError extends Error {
  override name = 'StartupError';

  constructor(app: string, cause: unknown) {
    super(`${app} failed to start: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
