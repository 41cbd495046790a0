import { errorResponse } from './error-response';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => escapes[char]!);

/** A 500 with the error's internals, for apps running with `debug: true`: HTML for browsers, JSON for API clients. */
export function debugResponse(error: Error, request: Request): Response {
  const stack = (error.stack ?? `${error.name}: ${error.message}`).split('\n').map((line) => line.trim());
  const accept = request.headers.get('accept') ?? '';
  if (!accept.includes('text/html')) {
    return errorResponse(
      500,
      { error: error.name, message: error.message, traceback: stack },
      'InternalServerError',
    );
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>500 ${escapeHtml(error.name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h1{color:#c0392b}pre{background:#f6f6f6;padding:1rem;overflow:auto}</style>
</head><body><h1>500 Internal Server Error</h1>
<h2>${escapeHtml(error.name)}: ${escapeHtml(error.message)}</h2>
<p>${escapeHtml(request.method)} ${escapeHtml(new URL(request.url).pathname)}</p>
<pre>${stack.map(escapeHtml).join('\n')}</pre>
<p>This page appears because the app runs with <code>debug: true</code>; turn it off in production.</p>
</body></html>`;
  return new Response(html, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
