import type { Hono } from 'hono';
import { errorResponse } from './error-response';
import type { FlamaEnv } from './request-state';

/** Where the health routes are served; `false` leaves one out. */
export interface HealthPaths {
  live?: string | false;
  ready?: string | false;
}

/** `true` for `/health/live` and `/health/ready`, or their paths. */
export type HealthOption = boolean | HealthPaths;

const defaults = { live: '/health/live', ready: '/health/ready' } as const;

/** The paths an app's `health` option asks for (none when it is off). */
export function healthPaths(option: HealthOption | undefined): { live?: string; ready?: string } {
  if (!option) return {};
  const paths = option === true ? defaults : { ...defaults, ...option };
  return { live: paths.live || undefined, ready: paths.ready || undefined };
}

/**
 * Serves the health routes ahead of the app's middleware, so probes are cheap and never need a token:
 * live answers 200 while the process serves; ready answers 200, or 503 saying why it is not ready.
 */
export function registerHealthRoutes(
  hono: Hono<FlamaEnv>,
  option: HealthOption | undefined,
  notReady: () => string | undefined,
): void {
  const { live, ready } = healthPaths(option);
  if (live) hono.get(live, (c) => c.json({ status: 'live' }));
  if (ready) {
    hono.get(ready, (c) => {
      const reason = notReady();
      return reason ? errorResponse(503, `Not ready: ${reason}.`) : c.json({ status: 'ready' });
    });
  }
}
