import { performance } from 'node:perf_hooks';
import { RELOAD_PATH } from '../servers/serving-bench-routes';
import type { LoadSpec } from './load';
import { exclusively } from './lock';
import { requestLoop } from './request-loop';
import { rssMb } from './rss';
import { startServer } from './server';
import { percentile } from './stats';

export interface ReloadRss {
  reloads: number;
  /** RSS in MB after the first `early` reloads and after all of them, each after a full GC. */
  early: { reloads: number; rssMb: number };
  final: { reloads: number; rssMb: number };
  /** The light load served meanwhile: requests per second, latencies in ms, failures. */
  load: { requestsPerSecond: number; p50: number; p99: number; failures: number };
  seconds: number;
}

/** The light load: this many clients, each sending the spec's request 1 ms after the previous one answered. */
const CLIENTS = 2;
const PAUSE_MS = 1;

/**
 * In one server process (started with --expose-gc, its reload lines silenced), reloads the models `reloads`
 * times one after another through `POST /bench/reload` while CLIENTS clients keep predicting, and reads the
 * process's RSS after the first `early` reloads and at the end.
 */
export function reloadRss(spec: LoadSpec, reloads: number, early: number, log: (line: string) => void) {
  return exclusively(async (): Promise<ReloadRss> => {
    const server = await startServer(spec, [], { nodeArgs: ['--expose-gc'], stdout: 'ignore' });
    let stopLoad = () => {};
    const loadDone = new Promise<void>((resolve) => {
      stopLoad = resolve;
    });
    const started = performance.now();
    const clients = Array.from({ length: CLIENTS }, () =>
      requestLoop({ url: server.url + spec.path, body: spec.body, pauseMs: PAUSE_MS, until: loadDone }),
    );
    try {
      let earlyRss = Number.NaN;
      for (let done = 1; done <= reloads; done++) {
        const response = await fetch(server.url + RELOAD_PATH, { method: 'POST' });
        if (response.status !== 204) throw new Error(`${RELOAD_PATH} answered ${response.status}`);
        if (done === early) earlyRss = rssMb(server.pid);
        if (done % 25 === 0) log(`  ${done}/${reloads} reloads, RSS ${rssMb(server.pid).toFixed(0)} MB`);
      }
      const finalRss = rssMb(server.pid);
      stopLoad();
      const seconds = (performance.now() - started) / 1000;
      const results = await Promise.all(clients);
      const latencies = results.flatMap((result) => result.latencies);
      return {
        reloads,
        early: { reloads: early, rssMb: earlyRss },
        final: { reloads, rssMb: finalRss },
        load: {
          requestsPerSecond: latencies.length / seconds,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          failures: results.reduce((sum, result) => sum + result.failures, 0),
        },
        seconds,
      };
    } finally {
      stopLoad();
      await Promise.all(clients);
      await server.stop();
    }
  }, log);
}
