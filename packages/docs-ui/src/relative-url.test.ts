import { describe, expect, it } from 'vitest';
import { relativeUrl } from './relative-url';

describe('relativeUrl', () => {
  it.each([
    ['/docs/', '/schema/', '../schema/'],
    ['/', '/schema/', './schema/'],
    ['/docs/', '/docs/scalar.js', './scalar.js'],
    ['/docs/', '/docs/', './'],
    ['/api/v1/docs/', '/api/v1/schema/', '../schema/'],
    ['/a/b/c/', '/openapi.json', '../../../openapi.json'],
    ['/docs/', '/schema/?format=json#top', '../schema/?format=json#top'],
    ['/', '/a:b/', './a:b/'],
  ])('from %s to %s is %s', (from, target, expected) => {
    expect(relativeUrl(from, target)).toBe(expected);
  });

  it.each(['https://api.example.com/schema/', '//cdn.example.com/schema.json', 'schema.json', '../schema/'])(
    'keeps %s as given',
    (target) => {
      expect(relativeUrl('/docs/', target)).toBe(target);
    },
  );

  it('resolves back to the target from the page', () => {
    const page = 'http://host/mount/docs/';
    expect(new URL(relativeUrl('/mount/docs/', '/mount/schema/'), page).href).toBe(
      'http://host/mount/schema/',
    );
  });
});
