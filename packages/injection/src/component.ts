import type { Dependencies, Key, KeyValue, Resolved } from './key';
import { keyName } from './key';

/**
 * `context`: resolved once per context (per request, in an HTTP app) and shared by every consumer in it.
 * `singleton`: resolved once for the lifetime of the injector.
 */
export type Scope = 'context' | 'singleton';

/** Provides the value of one key, from its own dependencies and the caller's context. */
export interface Component<T = unknown, C = unknown> {
  readonly provides: Key<T>;
  readonly inject: Dependencies;
  readonly scope: Scope;
  readonly name: string;
  resolve(dependencies: Record<string, unknown>, context: C): T | Promise<T>;
}

export interface ComponentDefinition<K extends Key, D extends Dependencies, C> {
  provides: K;
  inject?: D;
  scope?: Scope;
  /** Shown in errors; defaults to the provided key's name. */
  name?: string;
  resolve(dependencies: Resolved<D>, context: C): KeyValue<K> | Promise<KeyValue<K>>;
}

/** Defines a component; its `resolve` receives its dependencies typed from `inject`. */
export function component<K extends Key, D extends Dependencies = Record<never, Key>, C = unknown>(
  definition: ComponentDefinition<K, D, C>,
): Component<KeyValue<K>, C> {
  return {
    provides: definition.provides as Key<KeyValue<K>>,
    inject: definition.inject ?? {},
    scope: definition.scope ?? 'context',
    name: definition.name ?? keyName(definition.provides),
    resolve: definition.resolve as Component<KeyValue<K>, C>['resolve'],
  };
}

/** A component that always provides the same value (a singleton with no dependencies). */
export function value<K extends Key>(provides: K, provided: KeyValue<K>): Component<KeyValue<K>, unknown> {
  return component({ provides, scope: 'singleton', resolve: () => provided });
}
