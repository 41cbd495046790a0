/** Base class of every error raised while planning or resolving dependencies. */
export class InjectionError extends Error {
  override name = 'InjectionError';
}

/** A consumer (or a component it needs) declared a key that no component provides. */
export class MissingProviderError extends InjectionError {
  override name = 'MissingProviderError';

  constructor(
    readonly consumer: string,
    readonly key: string,
    readonly path: readonly string[],
  ) {
    const via = path.length > 1 ? ` (through ${path.join(' → ')})` : '';
    super(`${consumer} needs ${key}${via}, but no component provides it. Register a component for ${key}.`);
  }
}

/** Components that depend on each other in a loop. */
export class CyclicDependencyError extends InjectionError {
  override name = 'CyclicDependencyError';

  constructor(
    readonly consumer: string,
    readonly cycle: readonly string[],
  ) {
    super(`${consumer} has a cyclic dependency: ${cycle.join(' → ')}.`);
  }
}

/** A singleton that depends on a per-context value would keep the first context's value forever. */
export class ScopeError extends InjectionError {
  override name = 'ScopeError';

  constructor(
    readonly singleton: string,
    readonly dependency: string,
  ) {
    super(
      `Singleton ${singleton} depends on ${dependency}, which is resolved per context. ` +
        `Make ${dependency} a singleton too, or ${singleton} per context.`,
    );
  }
}
