import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { DocsPage } from './docs-page';
import { DocsOptionsError } from './errors';

const origin = 'http://app.test';

function get(path: string, init?: RequestInit): Request {
  return new Request(`${origin}${path}`, init);
}

describe('DocsPage', () => {
  let docs: DocsPage;

  beforeAll(async () => {
    docs = await DocsPage.load({
      path: '/docs/',
      schemaUrl: '/schema/',
      title: 'Warming <API>',
      configuration: { theme: 'purple' },
    });
  });

  it('knows where it lives', () => {
    expect(docs.path).toBe('/docs/');
    expect(docs.scriptPath).toBe('/docs/scalar.js');
  });

  it('renders the page once, pointing at the schema and the script with relative URLs', () => {
    expect(docs.html).toContain('<title>Warming &lt;API&gt;</title>');
    expect(docs.html).toMatch(/<script src="\.\/scalar\.js\?v=[A-Za-z0-9_-]{16}"><\/script>/);
    expect(docs.html).toContain('&quot;url&quot;:&quot;../schema/&quot;');
    expect(docs.html).toContain('&quot;theme&quot;:&quot;purple&quot;');
    expect(docs.html).toContain('&quot;withDefaultFonts&quot;:false');
    expect(docs.html).not.toContain('cdn.jsdelivr');
  });

  it('answers the page with its security headers', async () => {
    const response = docs.htmlResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(DEFAULT_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await response.text();
    expect(body).toBe(docs.html);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  });

  it('allows only its own scripts in the default policy', () => {
    expect(DEFAULT_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(DEFAULT_CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(DEFAULT_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("answers Scalar's script with a strong ETag, gzip-encoded when accepted", async () => {
    const plain = docs.scriptResponse();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(plain.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const text = await plain.text();
    expect(text).toContain('@scalar/api-reference 1.46');

    const gzipped = docs.scriptResponse(get('/docs/scalar.js', { headers: { 'accept-encoding': 'gzip' } }));
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(text.length / 2);
  });

  it('answers 304 to a matching If-None-Match, 200 otherwise', () => {
    const etag = docs.scriptResponse().headers.get('etag')!;
    expect(docs.scriptResponse(get('/docs/scalar.js', { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
    expect(
      docs.scriptResponse(get('/docs/scalar.js', { headers: { 'if-none-match': '"old"' } })).status,
    ).toBe(200);
  });

  describe('respond', () => {
    it('serves the page and the script on GET, query strings included', async () => {
      const page = docs.respond(get('/docs/?tab=1'));
      expect(page?.status).toBe(200);
      expect(page?.headers.get('content-type')).toContain('text/html');
      const script = docs.respond(get('/docs/scalar.js?v=abc'));
      expect(script?.status).toBe(200);
      expect(script?.headers.get('content-type')).toContain('application/javascript');
    });

    it('answers HEAD with the headers and no body', () => {
      for (const path of ['/docs/', '/docs/scalar.js']) {
        const response = docs.respond(get(path, { method: 'HEAD' }));
        expect(response?.status).toBe(200);
        expect(response?.body).toBeNull();
        expect(Number(response?.headers.get('content-length'))).toBeGreaterThan(0);
      }
    });

    it('answers 304 for the script through respond too', () => {
      const etag = docs.scriptResponse().headers.get('etag')!;
      expect(docs.respond(get('/docs/scalar.js', { headers: { 'if-none-match': etag } }))?.status).toBe(304);
    });

    it.each([
      ['GET', '/docs'],
      ['GET', '/docs/index.html'],
      ['GET', '/scalar.js'],
      ['GET', '/other/docs/'],
      ['POST', '/docs/'],
      ['DELETE', '/docs/scalar.js'],
    ])('leaves %s %s to the caller', (method, path) => {
      expect(docs.respond(get(path, { method }))).toBeUndefined();
    });
  });

  it('serves from the root too', async () => {
    const root = await DocsPage.load({ path: '/', schemaUrl: '/schema/', title: 'API' });
    expect(root.scriptPath).toBe('/scalar.js');
    expect(root.html).toContain('&quot;url&quot;:&quot;./schema/&quot;');
    expect(root.respond(get('/'))?.status).toBe(200);
    expect(root.respond(get('/scalar.js'))?.status).toBe(200);
  });

  it('uses a given Content-Security-Policy instead of the default', async () => {
    const policy = "default-src 'self'; connect-src 'self' https://api.example.com";
    const custom = await DocsPage.load({ ...docsOptions(), contentSecurityPolicy: policy });
    expect(custom.htmlResponse().headers.get('content-security-policy')).toBe(policy);
  });

  it('rejects bad options with a typed error before reading anything', async () => {
    await expect(DocsPage.load({ ...docsOptions(), path: '/docs' })).rejects.toBeInstanceOf(DocsOptionsError);
    await expect(
      DocsPage.load({ ...docsOptions(), configuration: { onLoaded: () => undefined } }),
    ).rejects.toThrow(/"onLoaded" holds a function/);
  });
});

function docsOptions() {
  return { path: '/docs/', schemaUrl: '/schema/', title: 'API' };
}
