import { DocsOptionsError } from './errors';

export interface DocsOptions {
  /** Where the page lives, e.g. `/docs/`: starts and ends with `/`. */
  path: string;
  /** The OpenAPI document's URL, e.g. `/schema/`. Root-relative URLs are made relative to `path`. */
  schemaUrl: string;
  /** The page's `<title>`. */
  title: string;
  /** Scalar's configuration (theme, layout, hideModels …), merged over the private defaults. JSON only. */
  configuration?: Record<string, unknown>;
  /** Replaces the default Content-Security-Policy of the HTML page (e.g. to allow `connect-src` to another API host). */
  contentSecurityPolicy?: string;
}

function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

function requireString(value: unknown, option: string): string {
  if (typeof value !== 'string') {
    throw new DocsOptionsError(option, `expected a string, got ${value === null ? 'null' : typeof value}.`);
  }
  return value;
}

function checkPath(value: unknown): void {
  const path = requireString(value, 'path');
  const example = `use something like '/docs/' (got ${JSON.stringify(path)}).`;
  if (!path.startsWith('/') || !path.endsWith('/')) {
    throw new DocsOptionsError('path', `it must start and end with '/': ${example}`);
  }
  if (/[?#\\]/.test(path) || hasControlOrSpace(path)) {
    throw new DocsOptionsError(
      'path',
      `it must be a plain path, without '?', '#', '\\' or spaces: ${example}`,
    );
  }
  if (
    path.length > 1 &&
    path
      .split('/')
      .slice(1, -1)
      .some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new DocsOptionsError('path', `it must not contain empty, '.' or '..' segments: ${example}`);
  }
}

function checkSchemaUrl(value: unknown): void {
  const url = requireString(value, 'schemaUrl');
  if (url === '' || hasControlOrSpace(url)) {
    throw new DocsOptionsError(
      'schemaUrl',
      `expected the OpenAPI document's URL, e.g. '/schema/' (got ${JSON.stringify(url)}).`,
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Throws a `DocsOptionsError` naming the first option that can't make a working page. */
export function validateDocsOptions(options: DocsOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new DocsOptionsError(
      'options',
      "expected an object like { path: '/docs/', schemaUrl: '/schema/', title }.",
    );
  }
  checkPath(options.path);
  checkSchemaUrl(options.schemaUrl);
  requireString(options.title, 'title');
  if (options.configuration !== undefined && !isPlainObject(options.configuration)) {
    throw new DocsOptionsError(
      'configuration',
      "expected a plain object of Scalar options, e.g. { theme: 'purple' }.",
    );
  }
  if (options.contentSecurityPolicy !== undefined) {
    const policy = requireString(options.contentSecurityPolicy, 'contentSecurityPolicy');
    if (/[\r\n]/.test(policy)) {
      throw new DocsOptionsError('contentSecurityPolicy', 'a header value cannot contain line breaks.');
    }
  }
}
