/** A typed token: the identity of a value that components provide and consumers inject. */
export class Token<T> {
  /** Phantom field carrying the value type; never set at run time. */
  declare readonly __value: T;

  constructor(readonly name: string) {}

  toString(): string {
    return `Token(${this.name})`;
  }
}

/** A class used as its own token; the injected value is an instance of it. */
// biome-ignore lint/suspicious/noExplicitAny: constructor parameters of any class must be accepted here.
export type Class<T> = abstract new (...args: any[]) => T;

export type Key<T = unknown> = Token<T> | Class<T>;

/** The value type a key stands for. */
export type KeyValue<K> = K extends Token<infer T> ? T : K extends Class<infer T> ? T : never;

/** What a consumer declares: a name for each key it needs. */
export type Dependencies = Record<string, Key>;

/** What a consumer receives for its declared dependencies. */
export type Resolved<D extends Dependencies> = { [Name in keyof D]: KeyValue<D[Name]> };

export function keyName(key: Key): string {
  return key instanceof Token ? key.name : key.name || 'anonymous class';
}
