import { escapeHtml } from './escape-html';
import { safeJson } from './safe-json';

export interface PageParts {
  title: string;
  /** Passed to Scalar; its `url` is the OpenAPI document. */
  configuration: Record<string, unknown>;
  /** The `src` of Scalar's script, relative to the page. */
  scriptSrc: string;
}

/**
 * The docs page. It holds no inline script: Scalar's bundle finds `#api-reference`, reads
 * `data-configuration` (JSON) and mounts itself just before that element.
 */
export function renderPage({ title, configuration, scriptSrc }: PageParts): string {
  const configurationJson = safeJson(configuration, 'configuration');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:,">
  </head>
  <body>
    <noscript>This API reference needs JavaScript.</noscript>
    <script id="api-reference" type="application/json" data-configuration="${escapeHtml(configurationJson)}"></script>
    <script src="${escapeHtml(scriptSrc)}"></script>
  </body>
</html>
`;
}
