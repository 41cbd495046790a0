import cluster from 'node:cluster';
import { superviseWorkers } from './cluster-primary';
import { serveWorker } from './cluster-worker';
import type { ServableApp } from './load-app';
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
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, options.print);
  if (workers > 1) return serveWorker(load, { ...options, workers });
  await serveApp(await load(), options);
}
