import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches, strongEtag } from './etag';

describe('strongEtag', () => {
  it('is a quoted, stable digest of the bytes', () => {
    const etag = strongEtag(new TextEncoder().encode('console.log(1)'));
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongEtag(new TextEncoder().encode('console.log(1)'))).toBe(etag);
    expect(strongEtag(new TextEncoder().encode('console.log(2)'))).not.toBe(etag);
  });
});

describe('ifNoneMatchMatches', () => {
  const etag = '"abc"';

  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"zzz", "abc"', true],
    ['*', true],
    ['"zzz"', false],
    ['abc', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });

  it('is false without the header', () => {
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
  });
});
