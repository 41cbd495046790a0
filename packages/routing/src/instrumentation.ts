import type { Context } from 'hono';
import type { Route } from './route';

/** What a request part's validation is: its path params, its query or its body. */
export type ValidatedPart = 'params' | 'query' | 'body';

/**
 * Hooks around the steps of a route, for tracing (a span per step) without routing depending on a tracer.
 * `validation` must call `validate` once and answer what it answers (or let its error through).
 */
export interface Instrumentation {
  validation<T>(c: Context, route: Route, part: ValidatedPart, validate: () => T): T;
}
