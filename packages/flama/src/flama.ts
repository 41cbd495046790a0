import { DocsPage } from '@flama/docs-ui';
import { App, type AppOptions } from '@flama/routing';

export interface FlamaOptions extends AppOptions {
  /** Where the docs page is served (default `/docs/`); `false` serves none. Needs the schema. */
  docs?: string | false;
  /** Scalar's configuration for the docs page (theme, layout, …). */
  docsConfiguration?: Record<string, unknown>;
}

/**
 * A Flama app: the app core from @flama/routing plus the docs page, in one class.
 * It owns a Hono app (it does not extend Hono, whose `route` and `mount` mean other things).
 */
export class Flama extends App {
  private readonly docs: string | undefined;

  constructor(options: FlamaOptions = {}) {
    super(options);
    const schemaUrl = this.schemaPath;
    this.docs = options.docs === false || !schemaUrl ? undefined : (options.docs ?? '/docs/');
    if (this.docs) this.serveDocs(this.docs, schemaUrl!, options.docsConfiguration);
  }

  override get docsPath(): string | undefined {
    return this.docs;
  }

  private serveDocs(path: string, schemaUrl: string, configuration?: Record<string, unknown>): void {
    let page: DocsPage | undefined;
    this.onStartup(async () => {
      page = await DocsPage.load({ path, schemaUrl, title: this.title, configuration });
    });
    this.get(path, { includeInSchema: false }, () => page!.htmlResponse());
    this.get(`${path}scalar.js`, { includeInSchema: false, inject: { request: Request } }, ({ request }) =>
      page!.scriptResponse(request),
    );
  }
}
