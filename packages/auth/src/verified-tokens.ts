import type { JWT } from './jwt';

/**
 * The tokens a component has verified, by their exact text. A client sends the same token with every request
 * until it expires, so a repeat costs a map lookup instead of an HMAC and two parses. Only verified tokens get
 * in (no one without the key can fill it), at most `limit`, the oldest leaving first. They are frozen, as every
 * request presenting the token shares them; their time claims are still checked on every use.
 */
export class VerifiedTokens<T extends JWT> {
  private readonly tokens = new Map<string, T>();

  constructor(private readonly limit = 1024) {}

  get(text: string): T | undefined {
    return this.tokens.get(text);
  }

  add(text: string, token: T): T {
    if (this.tokens.size >= this.limit) this.tokens.delete(this.tokens.keys().next().value!);
    deepFreeze(token.header);
    deepFreeze(token.payload);
    this.tokens.set(text, Object.freeze(token));
    return token;
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
