import { acceptsGzip } from './accept-encoding';
import { ifNoneMatchMatches } from './etag';
import type { ScalarScript } from './scalar-script';

const CACHE_CONTROL = 'public, max-age=86400';
/**
 * The gzip body is compressed already: Cloudflare Workers would compress it again unless told so
 * (`encodeBody: 'manual'`, theirs alone: other runtimes ignore it, and the DOM's ResponseInit lacks it).
 */
const ALREADY_ENCODED = { encodeBody: 'manual' } as ResponseInit;

function headersFor(body: Uint8Array, etag: string, encoding?: string): Record<string, string> {
  return {
    'content-type': 'application/javascript; charset=utf-8',
    'content-length': String(body.byteLength),
    ...(encoding ? { 'content-encoding': encoding } : {}),
    etag,
    'cache-control': CACHE_CONTROL,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
}

/** Answers requests for Scalar's script; every header is prepared once, up front. */
export class ScriptResponder {
  readonly #script: ScalarScript;
  readonly #plainHeaders: Record<string, string>;
  readonly #gzipHeaders: Record<string, string>;

  constructor(script: ScalarScript) {
    this.#script = script;
    this.#plainHeaders = headersFor(script.bytes, script.etag);
    this.#gzipHeaders = headersFor(script.gzipBytes, script.gzipEtag, 'gzip');
  }

  respond(request?: Request): Response {
    const script = this.#script;
    const gzipped = acceptsGzip(request?.headers.get('accept-encoding') ?? null);
    const etag = gzipped ? script.gzipEtag : script.etag;
    const ifNoneMatch = request?.headers.get('if-none-match') ?? null;
    // Either ETag names the current script, whichever encoding the client cached.
    if (ifNoneMatchMatches(ifNoneMatch, script.etag) || ifNoneMatchMatches(ifNoneMatch, script.gzipEtag)) {
      return new Response(null, {
        status: 304,
        headers: { etag, 'cache-control': CACHE_CONTROL, vary: 'Accept-Encoding' },
      });
    }
    const body = request?.method === 'HEAD' ? null : gzipped ? script.gzipBytes : script.bytes;
    if (!gzipped) return new Response(body, { status: 200, headers: this.#plainHeaders });
    return new Response(body, { ...ALREADY_ENCODED, status: 200, headers: this.#gzipHeaders });
  }
}
