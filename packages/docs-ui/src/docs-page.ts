import { Buffer } from 'node:buffer';
import { DEFAULT_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { type DocsOptions, validateDocsOptions } from './docs-options';
import { renderPage } from './page-html';
import { relativeUrl } from './relative-url';
import { scalarConfiguration } from './scalar-configuration';
import { loadScalarScript, type ScalarScript } from './scalar-script';
import { ScriptResponder } from './script-responder';

const SCRIPT_FILE_NAME = 'scalar.js';

interface DocsPageParts {
  path: string;
  html: string;
  script: ScalarScript;
  contentSecurityPolicy: string;
}

/** The docs page and Scalar's script, built once, answered as fetch-style `Response`s. */
export class DocsPage {
  readonly path: string;
  readonly scriptPath: string;
  readonly html: string;
  readonly #script: ScriptResponder;
  readonly #htmlHeaders: Record<string, string>;

  /** Validates the options, reads Scalar's script and renders the page, all once. */
  static async load(options: DocsOptions): Promise<DocsPage> {
    validateDocsOptions(options);
    const script = await loadScalarScript();
    const scriptPath = `${options.path}${SCRIPT_FILE_NAME}`;
    // The version query makes browsers fetch a new script after an upgrade despite max-age.
    const version = script.etag.slice(1, 17);
    const html = renderPage({
      title: options.title,
      configuration: scalarConfiguration(options.configuration, relativeUrl(options.path, options.schemaUrl)),
      scriptSrc: `${relativeUrl(options.path, scriptPath)}?v=${version}`,
    });
    return new DocsPage({
      path: options.path,
      html,
      script,
      contentSecurityPolicy: options.contentSecurityPolicy ?? DEFAULT_CONTENT_SECURITY_POLICY,
    });
  }

  private constructor({ path, html, script, contentSecurityPolicy }: DocsPageParts) {
    this.path = path;
    this.scriptPath = `${path}${SCRIPT_FILE_NAME}`;
    this.html = html;
    this.#script = new ScriptResponder(script);
    this.#htmlHeaders = {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
      'content-security-policy': contentSecurityPolicy,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
  }

  /** 200 with the page, its Content-Security-Policy and `Referrer-Policy: no-referrer`. */
  htmlResponse(request?: Request): Response {
    return new Response(request?.method === 'HEAD' ? null : this.html, {
      status: 200,
      headers: this.#htmlHeaders,
    });
  }

  /**
   * 200 with Scalar's script (gzip-encoded when the request accepts it), or 304 when the request's
   * If-None-Match holds its ETag.
   */
  scriptResponse(request?: Request): Response {
    return this.#script.respond(request);
  }

  /** Answers GET and HEAD on `path` and `scriptPath`; anything else is left to the caller (`undefined`). */
  respond(request: Request): Response | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const { pathname } = new URL(request.url);
    if (pathname === this.path) return this.htmlResponse(request);
    if (pathname === this.scriptPath) return this.scriptResponse(request);
    return undefined;
  }
}
