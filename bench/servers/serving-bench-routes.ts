// Bench-only routes, answered before the app sees the request: the event-loop lag since the last read, and a
// reload of the app's models (what SIGHUP does), answered once it is done.
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** What the app under test must offer: its fetch, and a reload of its models. */
export interface ReloadableApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  reload(): Promise<void>;
}

/** `GET /bench/lag`'s answer: how late the main thread's event loop ran a 1 ms timer, in milliseconds. */
export interface LagReport {
  p50: number;
  p99: number;
  max: number;
}

export const LAG_PATH = '/bench/lag';
export const RELOAD_PATH = '/bench/reload';
const RESOLUTION_MS = 1;

/**
 * `app.fetch` with `GET /bench/lag` (the event-loop delay since the previous read, which starts a new one) and
 * `POST /bench/reload` (reloads the models, runs a full GC when node has --expose-gc, answers 204).
 */
export function withBenchRoutes(
  app: ReloadableApp,
): (request: Request, env?: unknown) => Response | Promise<Response> {
  const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  lag.enable();
  // Every request passes here, so the test is one string comparison.
  // `env` carries @hono/node-server's IncomingMessage: without it the app reads bodies the slower web way.
  return (request, env) => {
    if (request.url.endsWith(LAG_PATH) && request.method === 'GET') return lagReport(lag);
    if (request.url.endsWith(RELOAD_PATH) && request.method === 'POST') return reload(app);
    return app.fetch(request, env);
  };
}

function lagReport(lag: IntervalHistogram): Response {
  // The histogram holds whole intervals between the timer's runs: the lag is what exceeds the interval.
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const report: LagReport = { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) };
  lag.reset();
  return Response.json(report);
}

async function reload(app: ReloadableApp): Promise<Response> {
  await app.reload();
  globalThis.gc?.();
  return new Response(null, { status: 204 });
}
