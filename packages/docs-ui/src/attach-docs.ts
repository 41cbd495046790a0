import type { App } from '@flama/routing';
import { DocsPage } from './docs-page';

export interface AttachDocsOptions {
  /** Where the page is served, e.g. `/docs/`. */
  path: string;
  /** Scalar's configuration (theme, layout, …). */
  configuration?: Record<string, unknown>;
}

/**
 * Serves the docs page of `app`'s OpenAPI document at `path` (and its script beside it), out of the schema.
 * The page is built when the app starts. Does nothing for an app that serves no schema.
 */
export function attachDocs(app: App, options: AttachDocsOptions): void {
  const schemaUrl = app.schemaPath;
  if (!schemaUrl) return;
  let page: DocsPage | undefined;
  app.onStartup(async () => {
    page = await DocsPage.load({
      path: options.path,
      schemaUrl,
      title: app.title,
      configuration: options.configuration,
    });
  });
  const serve = { includeInSchema: false, inject: { request: Request } } as const;
  app.get(options.path, serve, ({ request }) => page!.htmlResponse(request));
  app.get(`${options.path}scalar.js`, serve, ({ request }) => page!.scriptResponse(request));
}
