import { CliError } from './cli-error';
import type { ServableApp } from './load-app';
import { type ServeOptions, serveApp } from './serve';
import { tellPrimary } from './worker-messages';

/** The app needs one process (an embedded database, …) and more workers were asked for. */
export class SingleProcessError extends CliError {
  override name = 'SingleProcessError';

  constructor(workers: number, reason: string) {
    super(`Can't serve with ${workers} workers: ${reason}. Serve it with --server-workers 1.`);
  }
}

/**
 * A cluster worker: loads the app, refuses one that needs a single process, serves it, and tells the primary
 * when it serves (the primary prints the URL once) or why it could not start (the primary prints that, once,
 * instead of this worker).
 */
export async function serveWorker(
  load: () => ServableApp | Promise<ServableApp>,
  options: ServeOptions & { workers: number },
): Promise<void> {
  try {
    const app = await load();
    if (app.singleProcess) throw new SingleProcessError(options.workers, app.singleProcess);
    await serveApp(app, {
      ...options,
      print: (announcement) => void tellPrimary({ flama: 'ready', announcement }),
      log: (line) => console.log(`Worker ${process.pid}: ${line}`),
    });
  } catch (error) {
    await tellPrimary({ flama: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
