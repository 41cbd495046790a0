import type { ContextCache } from '@flama/injection';
import type { Context } from 'hono';
import { readJsonBody } from './json-body';
import { nodeIncoming } from './node-incoming';

/** Per-request values kept on Hono's context. */
export interface FlamaEnv {
  Variables: {
    'flama.cache': ContextCache;
    'flama.body': Promise<unknown>;
  };
}

/** The per-request cache of components, shared by middleware and handler. */
export function contextCache(c: Context<FlamaEnv>): ContextCache {
  let cache = c.get('flama.cache');
  if (!cache) {
    cache = new Map();
    c.set('flama.cache', cache);
  }
  return cache;
}

/** The request's JSON body, read at most once whoever asks for it first. */
export function jsonBody(c: Context<FlamaEnv>, limit: number): Promise<unknown> {
  let body = c.get('flama.body');
  if (!body) {
    body = readJsonBody(c.req.raw, limit, nodeIncoming(c));
    c.set('flama.body', body);
  }
  return body;
}
