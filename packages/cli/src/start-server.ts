import cluster from 'node:cluster';
import { CliError } from './cli-error';
import { superviseWorkers } from './cluster-primary';
import { serveWorker } from './cluster-worker';
import type { ServableApp } from './load-app';
import { importOptional } from './optional-package';
import { type ServeOptions, serveApp } from './serve';

/**
 * What `flama run`, `serve` and `start` do: serve the app `load` gives in this process, or, with more than one
 * worker, supervise that many processes (this one, the primary, never loads the app; each worker does).
 */
export async function startServer(
  load: () => ServableApp | Promise<ServableApp>,
  options: ServeOptions,
): Promise<void> {
  const workers = options.workers ?? 1;
  if (options.metricsPort !== undefined && workers < 2) {
    throw new CliError(
      '--server-metrics-port serves the metrics of several workers together: use it with --server-workers 2 or more (one process serves its own /metrics).',
    );
  }
  if (workers > 1 && cluster.isPrimary) {
    if (options.metricsPort !== undefined)
      await serveWorkersMetrics(options.host, options.metricsPort, options.print);
    return superviseWorkers(workers, options.print);
  }
  if (workers > 1) return serveWorker(load, { ...options, workers });
  await serveApp(await load(), options);
}

/** In the primary: every worker's metrics summed, on a port of their own, for one scrape to see them all. */
async function serveWorkersMetrics(host: string, port: number, print = (line: string) => console.log(line)) {
  const { serveClusterMetrics } = await importOptional<typeof import('@flama/metrics')>(
    '@flama/metrics',
    'serve --server-metrics-port',
  );
  const server = await serveClusterMetrics({ host, port }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new CliError(`Port ${port} on ${host} is already in use (--server-metrics-port).`)
      : error;
  });
  print(`Metrics of every worker: ${server.url}`);
}
