import type { Context } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { errorResponse } from './error-response';

/**
 * Answers requests no route matched: 405 with an `Allow` header when the path exists for other
 * methods, else 404. The path → methods table is built once from every route of the app.
 */
export function notFoundHandler(
  routes: Iterable<{ method: string; path: string }>,
): (c: Context) => Response {
  const methodsByPath = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    const methods = methodsByPath.get(path) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    methodsByPath.set(path, methods);
  }
  const router = new TrieRouter<string[]>();
  for (const [path, methods] of methodsByPath) router.add('ALL', path, [...methods].sort());

  return (c) => {
    const [matches] = router.match('ALL', c.req.path);
    const allowed = new Set(matches.flatMap(([methods]) => methods));
    if (allowed.size === 0) return errorResponse(404, 'Not Found');
    return errorResponse(405, 'Method Not Allowed', 'HTTPException', {
      allow: [...allowed].sort().join(', '),
    });
  };
}
