import { describe, expect, it } from 'vitest';
import { type DocsOptions, validateDocsOptions } from './docs-options';
import { DocsOptionsError } from './errors';

const good: DocsOptions = { path: '/docs/', schemaUrl: '/schema/', title: 'API' };

function errorOf(options: unknown): DocsOptionsError {
  try {
    validateDocsOptions(options as DocsOptions);
  } catch (error) {
    if (error instanceof DocsOptionsError) return error;
    throw error;
  }
  throw new Error('expected a DocsOptionsError');
}

describe('validateDocsOptions', () => {
  it.each(['/', '/docs/', '/api/v1/docs/', '/d%C3%A9mo/'])('accepts the path %s', (path) => {
    expect(() => validateDocsOptions({ ...good, path })).not.toThrow();
  });

  it.each([
    ['docs/', /start and end with '\/'/],
    ['/docs', /start and end with '\/'/],
    ['', /start and end with '\/'/],
    ['/docs/?x=1/', /plain path/],
    ['/my docs/', /plain path/],
    ['//docs/', /empty, '\.' or '\.\.' segments/],
    ['/a/../docs/', /empty, '\.' or '\.\.' segments/],
  ])('rejects the path %j', (path, message) => {
    const error = errorOf({ ...good, path });
    expect(error.option).toBe('path');
    expect(error.message).toMatch(message);
    expect(error.message).toContain("'/docs/'");
  });

  it.each(['', 'has space', 'line\nbreak'])('rejects the schemaUrl %j', (schemaUrl) => {
    expect(errorOf({ ...good, schemaUrl }).option).toBe('schemaUrl');
  });

  it('rejects values of the wrong type, naming the option', () => {
    expect(errorOf({ ...good, title: 3 }).message).toBe(
      'Invalid docs option "title": expected a string, got number.',
    );
    expect(errorOf({ ...good, path: null }).option).toBe('path');
    expect(errorOf({ ...good, configuration: ['dark'] }).option).toBe('configuration');
    expect(errorOf({ ...good, contentSecurityPolicy: "default-src 'self'\r\nX: y" }).option).toBe(
      'contentSecurityPolicy',
    );
    expect(errorOf(undefined).option).toBe('options');
  });

  it('accepts a configuration and a policy', () => {
    const options = {
      ...good,
      configuration: { theme: 'moon' },
      contentSecurityPolicy: "default-src 'self'",
    };
    expect(() => validateDocsOptions(options)).not.toThrow();
  });
});
