import type { Component } from './component';
import { isThenable, type SingletonCell } from './singleton-cell';

/** Values resolved for one context, shared by every plan resolved in it. */
export type ContextCache = Map<Component<unknown, never>, unknown>;

export interface PlanStep {
  readonly component: Component<unknown, never>;
  /** The component's dependency names and the slots holding their values. */
  readonly args: readonly (readonly [string, number])[];
  readonly singleton: SingletonCell | undefined;
}

/**
 * The resolution of one consumer's dependencies, ordered once so that each request
 * only runs the components it needs. Resolution stays synchronous while every component is.
 */
export class Plan<R, C> {
  constructor(
    readonly consumer: string,
    readonly steps: readonly PlanStep[],
    private readonly outputs: readonly (readonly [string, number])[],
  ) {}

  /** True when nothing is injected: callers can skip resolution altogether. */
  get empty(): boolean {
    return this.outputs.length === 0;
  }

  resolve(context: C, cache?: ContextCache): R | Promise<R> {
    const values: unknown[] = new Array(this.steps.length);
    for (let index = 0; index < this.steps.length; index++) {
      const resolved = this.resolveStep(index, values, context, cache);
      if (isThenable(resolved)) return this.resolveFrom(index, resolved, values, context, cache);
      values[index] = resolved;
    }
    return this.output(values);
  }

  /** Resolves every singleton the plan uses, so that requests never wait for one. */
  async prepare(): Promise<void> {
    const values: unknown[] = new Array(this.steps.length);
    for (let index = 0; index < this.steps.length; index++) {
      if (this.steps[index]!.singleton) values[index] = await this.resolveStep(index, values, undefined as C);
    }
  }

  private async resolveFrom(
    start: number,
    pending: PromiseLike<unknown>,
    values: unknown[],
    context: C,
    cache: ContextCache | undefined,
  ): Promise<R> {
    values[start] = await pending;
    for (let index = start + 1; index < this.steps.length; index++) {
      values[index] = await this.resolveStep(index, values, context, cache);
    }
    return this.output(values);
  }

  private resolveStep(index: number, values: unknown[], context: C, cache?: ContextCache): unknown {
    const step = this.steps[index]!;
    if (step.singleton) return step.singleton.get(() => this.run(step, values, undefined as C));
    if (cache?.has(step.component)) return cache.get(step.component);
    const resolved = this.run(step, values, context);
    cache?.set(step.component, resolved);
    return resolved;
  }

  private run(step: PlanStep, values: unknown[], context: C): unknown {
    const dependencies: Record<string, unknown> = {};
    for (const [name, slot] of step.args) dependencies[name] = values[slot];
    return (step.component as Component<unknown, C>).resolve(dependencies, context);
  }

  private output(values: unknown[]): R {
    const result: Record<string, unknown> = {};
    for (const [name, slot] of this.outputs) result[name] = values[slot];
    return result as R;
  }
}
