import type { IncomingMessage } from 'node:http';

type Entries = ReturnType<Headers['entries']>;

/** Headers' methods as methods: Node's types declare them as properties, which a subclass can't override. */
interface HeaderMethods {
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  append(name: string, value: string): void;
  delete(name: string): void;
  getSetCookie(): string[];
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void;
  entries(): Entries;
  keys(): ReturnType<Headers['keys']>;
  values(): ReturnType<Headers['values']>;
  [Symbol.iterator](): Entries;
}

const WebHeaders = Headers as unknown as new () => HeaderMethods;

/**
 * The request's headers as a web `Headers`, read from the headers Node already parsed: `get` and `has` look
 * them up directly, and the full `Headers` is only built when something iterates or changes it. Building it
 * for every request (as a web Request does) costs more than most handlers.
 */
export class IncomingHeaders extends WebHeaders {
  #filled = false;

  constructor(private readonly incoming: IncomingMessage) {
    super();
  }

  override get(name: string): string | null {
    if (this.#filled) return super.get(name);
    const value = this.incoming.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  override has(name: string): boolean {
    return this.#filled ? super.has(name) : this.incoming.headers[name.toLowerCase()] !== undefined;
  }

  override set(name: string, value: string): void {
    this.fill();
    super.set(name, value);
  }

  override append(name: string, value: string): void {
    this.fill();
    super.append(name, value);
  }

  override delete(name: string): void {
    this.fill();
    super.delete(name);
  }

  override getSetCookie(): string[] {
    this.fill();
    return super.getSetCookie();
  }

  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(callback, thisArg);
  }

  override entries(): Entries {
    this.fill();
    return super.entries();
  }

  override keys(): ReturnType<Headers['keys']> {
    this.fill();
    return super.keys();
  }

  override values(): ReturnType<Headers['values']> {
    this.fill();
    return super.values();
  }

  override [Symbol.iterator](): Entries {
    return this.entries();
  }

  private fill(): void {
    if (this.#filled) return;
    this.#filled = true;
    const raw = this.incoming.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) super.append(raw[i]!, raw[i + 1]!);
  }
}
