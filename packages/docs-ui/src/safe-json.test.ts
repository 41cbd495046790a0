import { describe, expect, it } from 'vitest';
import { DocsOptionsError } from './errors';
import { safeJson } from './safe-json';

describe('safeJson', () => {
  it('never emits <, > or & but parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> & &quot; \u2028\u2029', list: [1, true, null] };
    const json = safeJson(value, 'configuration');
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it.each([
    ['a function', { onLoaded: () => undefined }, /"onLoaded" holds a function/],
    ['a symbol', { tag: Symbol('x') }, /"tag" holds a symbol/],
    ['a bigint', { big: 1n }, /"big" holds a bigint/],
  ])('rejects %s with a typed error naming the key', (_kind, value, message) => {
    expect(() => safeJson(value, 'configuration')).toThrow(DocsOptionsError);
    expect(() => safeJson(value, 'configuration')).toThrow(message);
  });

  it('rejects cycles with a typed error', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => safeJson(cyclic, 'configuration')).toThrow(/JSON-serialisable/);
  });
});
