import { routeOf } from '@flama/routing';
import type { Context, MiddlewareHandler } from 'hono';
import type { Counter, Histogram, Registry } from 'prom-client';
import { promClient } from './prom-client';
import { registered } from './registered';

/** Seconds: from a fast in-memory route to a slow prediction. */
const durationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a request that matched no route is counted under, so that scans of random paths stay one series. */
export const UNMATCHED = '(unmatched)';

/**
 * Counts requests by method, route template (never the raw path: cardinality stays bounded by the app's
 * routes) and status, times them, and tracks those in flight. `GET <path>` answers the registry's metrics.
 */
export function httpMetrics(registry: Registry, path: string | false): MiddlewareHandler {
  const { Counter, Gauge, Histogram } = promClient();
  const requests = registered(
    registry,
    'http_requests_total',
    () =>
      new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests answered, by method, route template and status',
        labelNames: ['method', 'route', 'status'] as const,
        registers: [registry],
      }),
  );
  const duration = registered(
    registry,
    'http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'Time to answer HTTP requests, by method and route template',
        labelNames: ['method', 'route'] as const,
        buckets: durationBuckets,
        registers: [registry],
      }),
  );
  const inFlight = registered(
    registry,
    'http_requests_in_flight',
    () =>
      new Gauge({
        name: 'http_requests_in_flight',
        help: 'HTTP requests being answered',
        registers: [registry],
      }),
  );
  const counters = new Map<string, Counter.Internal>();
  const timers = new Map<string, Histogram.Internal<'method' | 'route'>>();

  return async (c, next) => {
    if (path && c.req.path === path && c.req.method === 'GET') {
      return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
    }
    const started = performance.now();
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      const method = c.req.method;
      const route = routeTemplate(c);
      const status = String(c.res.status);
      const counterKey = `${method} ${route} ${status}`;
      let counter = counters.get(counterKey);
      if (!counter) {
        counter = requests.labels(method, route, status);
        counters.set(counterKey, counter);
      }
      counter.inc();
      const timerKey = `${method} ${route}`;
      let timer = timers.get(timerKey);
      if (!timer) {
        timer = duration.labels(method, route);
        timers.set(timerKey, timer);
      }
      timer.observe((performance.now() - started) / 1000);
    }
  };
}

/** The template of the route a request matched: Flama's (`/user/{id:int}/`), else Hono's; UNMATCHED for none. */
function routeTemplate(c: Context): string {
  const route = routeOf(c);
  if (route) return route.path.template;
  const honoPath = c.req.routePath;
  return honoPath && honoPath !== '/*' && honoPath !== '*' ? honoPath : UNMATCHED;
}
