/** Holds a singleton's value once resolved; concurrent first uses share one resolution. */
export class SingletonCell {
  private ready = false;
  private value: unknown;
  private pending: Promise<unknown> | undefined;

  get(resolve: () => unknown): unknown {
    if (this.ready) return this.value;
    if (this.pending) return this.pending;
    const resolved = resolve();
    if (!isThenable(resolved)) return this.set(resolved);
    this.pending = Promise.resolve(resolved).then(
      (value) => this.set(value),
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  private set(value: unknown): unknown {
    this.value = value;
    this.ready = true;
    this.pending = undefined;
    return value;
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
