import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { strongEtag } from './etag';
import type { ScalarScript } from './scalar-script';
import { ScriptResponder } from './script-responder';

const bytes = new TextEncoder().encode('console.log("scalar");'.repeat(50));
const etag = strongEtag(bytes);
const script: ScalarScript = {
  bytes,
  etag,
  gzipBytes: gzipSync(bytes),
  gzipEtag: `${etag.slice(0, -1)}-gzip"`,
};
const responder = new ScriptResponder(script);

function request(headers: Record<string, string> = {}, method = 'GET'): Request {
  return new Request('http://app.test/docs/scalar.js', { method, headers });
}

describe('ScriptResponder', () => {
  it('answers the plain script with a strong ETag and a day of caching', async () => {
    const response = responder.respond();
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/javascript; charset=utf-8',
      'content-length': String(bytes.byteLength),
      etag,
      'cache-control': 'public, max-age=86400',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers the gzip representation, with its own ETag, to clients that accept it', async () => {
    const response = responder.respond(request({ 'accept-encoding': 'gzip, deflate, br' }));
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('etag')).toBe(script.gzipEtag);
    expect(response.headers.get('etag')).not.toBe(etag);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.byteLength));
    expect(new Uint8Array(gunzipSync(body))).toEqual(bytes);
  });

  it.each([
    ['its plain ETag', { 'if-none-match': etag }, etag],
    ['a weak form of it', { 'if-none-match': `W/${etag}` }, etag],
    ['one of several', { 'if-none-match': `"old", ${etag}` }, etag],
    ['the gzip ETag', { 'if-none-match': script.gzipEtag, 'accept-encoding': 'gzip' }, script.gzipEtag],
  ])('answers 304 to If-None-Match with %s', (_case, headers, expectedEtag) => {
    const response = responder.respond(request(headers));
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
    expect(response.headers.get('etag')).toBe(expectedEtag);
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('answers 200 to a stale If-None-Match', () => {
    expect(responder.respond(request({ 'if-none-match': '"old"' })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', () => {
    const response = responder.respond(request({ 'accept-encoding': 'gzip' }, 'HEAD'));
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(response.headers.get('content-length')).toBe(String(script.gzipBytes.byteLength));
  });
});
