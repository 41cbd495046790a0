import type { Component } from './component';
import { CyclicDependencyError, MissingProviderError, ScopeError } from './errors';
import { type Dependencies, type Key, keyName, type Resolved } from './key';
import { Plan, type PlanStep } from './plan';
import { SingletonCell } from './singleton-cell';

/**
 * Knows which component provides each key and builds resolution plans.
 * A component registered later for the same key replaces the earlier one.
 */
export class Injector<C = unknown> {
  private readonly providers = new Map<Key, Component<unknown, C>>();

  constructor(
    components: Iterable<Component<unknown, C>> = [],
    private readonly singletons = new Map<Component<unknown, C>, SingletonCell>(),
  ) {
    for (const component of components) this.providers.set(component.provides, component);
  }

  get components(): Component<unknown, C>[] {
    return [...this.providers.values()];
  }

  provider(key: Key): Component<unknown, C> | undefined {
    return this.providers.get(key);
  }

  /** A new injector with more components (overriding these), sharing this one's singletons. */
  extend(components: Iterable<Component<unknown, C>>): Injector<C> {
    return new Injector([...this.providers.values(), ...components], this.singletons);
  }

  /**
   * Orders what `consumer` needs into a plan. Throws here, never at resolution time,
   * when a key has no provider, components form a cycle, or a singleton needs a per-context value.
   */
  plan<D extends Dependencies>(consumer: string, dependencies: D): Plan<Resolved<D>, C> {
    const steps: PlanStep[] = [];
    const slots = new Map<Component<unknown, C>, number>();
    const visiting: Component<unknown, C>[] = [];

    const visit = (key: Key, path: readonly string[]): number => {
      const component = this.providers.get(key);
      if (!component) throw new MissingProviderError(consumer, keyName(key), [...path, keyName(key)]);
      const known = slots.get(component);
      if (known !== undefined) return known;
      if (visiting.includes(component)) {
        const cycle = [...visiting.slice(visiting.indexOf(component)), component].map((c) => c.name);
        throw new CyclicDependencyError(consumer, cycle);
      }
      visiting.push(component);
      const args = Object.entries(component.inject).map(([name, dependency]) => {
        const slot = visit(dependency, [...path, component.name]);
        const provider = steps[slot]!.component;
        if (component.scope === 'singleton' && provider.scope !== 'singleton') {
          throw new ScopeError(component.name, provider.name);
        }
        return [name, slot] as const;
      });
      visiting.pop();
      const slot = steps.push({ component, args, singleton: this.singletonCell(component) }) - 1;
      slots.set(component, slot);
      return slot;
    };

    const outputs = Object.entries(dependencies).map(([name, key]) => [name, visit(key, [])] as const);
    return new Plan(consumer, steps, outputs);
  }

  private singletonCell(component: Component<unknown, C>): SingletonCell | undefined {
    if (component.scope !== 'singleton') return undefined;
    let cell = this.singletons.get(component);
    if (!cell) {
      cell = new SingletonCell();
      this.singletons.set(component, cell);
    }
    return cell;
  }
}
