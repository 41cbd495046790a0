import type { App } from '@flama/routing';
import { DocsPage } from './docs-page';

export interface AttachDocsOptions {
  /** Where the page is served (default `/docs/`); `false` serves none. */
  path?: string | false;
  /** Scalar's configuration (theme, layout, …). */
  configuration?: Record<string, unknown>;
}

/**
 * Serves the docs page of `app`'s OpenAPI document at `path` (and its script beside it), out of the schema.
 * The page is built when the app starts. Returns where the page is served (what the app's `docsPath` says):
 * `undefined` when `path` is `false` or the app serves no schema, and then does nothing.
 *
 * @example
 * class MyApp extends App {
 *   private readonly docs = attachDocs(this, { path: '/docs/' });
 *   override get docsPath() { return this.docs; }
 * }
 */
export function attachDocs(app: App, options: AttachDocsOptions = {}): string | undefined {
  const path = options.path ?? '/docs/';
  const schemaUrl = app.schemaPath;
  if (path === false || !schemaUrl) return undefined;
  let page: DocsPage | undefined;
  app.onStartup(async () => {
    page = await DocsPage.load({
      path,
      schemaUrl,
      title: app.title,
      configuration: options.configuration,
    });
  });
  const serve = { includeInSchema: false, inject: { request: Request } } as const;
  app.get(path, serve, ({ request }) => page!.htmlResponse(request));
  app.get(`${path}scalar.js`, serve, ({ request }) => page!.scriptResponse(request));
  return path;
}
