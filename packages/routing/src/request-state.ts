import type { ContextCache } from '@flama/injection';
import type { Context } from 'hono';
import { parseJsonBody, readJsonBytes } from './json-body';
import { nodeIncoming } from './node-incoming';

/** Per-request values kept on Hono's context. */
export interface FlamaEnv {
  Variables: {
    'flama.cache': ContextCache;
    'flama.bytes': Promise<Uint8Array | undefined>;
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

/** The request's JSON body as bytes, read at most once whoever asks for it first. */
export function jsonBytes(c: Context<FlamaEnv>, limit: number): Promise<Uint8Array | undefined> {
  let bytes = c.get('flama.bytes');
  if (!bytes) {
    bytes = readJsonBytes(c.req.raw, limit, nodeIncoming(c));
    c.set('flama.bytes', bytes);
  }
  return bytes;
}

/** The request's JSON body, parsed at most once whoever asks for it first. */
export function jsonBody(c: Context<FlamaEnv>, limit: number): Promise<unknown> {
  let body = c.get('flama.body');
  if (!body) {
    body = jsonBytes(c, limit).then(parseJsonBody);
    c.set('flama.body', body);
  }
  return body;
}
