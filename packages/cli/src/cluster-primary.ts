import cluster, { type Worker } from 'node:cluster';
import { handleSignals } from './signals';
import { isWorkerMessage, type WorkerMessage } from './worker-messages';

interface Supervised {
  ready: boolean;
  /** The pid of the worker this one replaces. */
  replaces?: number;
}

/**
 * The primary of `--server-workers N`: it serves no requests and never loads the app. It forks N workers
 * (which share the port), prints the URL once they all serve, replaces a worker that dies after it served,
 * and forwards SIGTERM, SIGINT and SIGHUP (the last to the workers that serve). A worker that fails to start
 * ends everything with its error (one line, exit 1) rather than being started again and again. On shutdown
 * it waits for every worker.
 */
export function superviseWorkers(count: number, print = (line: string) => console.log(line)): void {
  const workers = new Map<Worker, Supervised>();
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const fork = (replaces?: number) => {
    const worker = cluster.fork();
    workers.set(worker, { ready: false, replaces });
    worker.on('message', (message: unknown) => {
      if (isWorkerMessage(message)) onMessage(worker, message);
    });
    worker.on('exit', (code, signal) => void onExit(worker, code, signal));
  };

  const stopAll = (signal: NodeJS.Signals) => {
    for (const worker of workers.keys()) worker.process.kill(signal);
  };
  // A worker still starting loads everything afresh anyway, and would die of a SIGHUP.
  const reloadAll = () => {
    for (const [worker, state] of workers) if (state.ready) worker.process.kill('SIGHUP');
  };

  const fail = (message: string) => {
    if (stopping) return;
    stopping = true;
    exitCode = 1;
    console.error(`flama: ${message}`);
    stopAll('SIGTERM');
  };

  const onMessage = (worker: Worker, message: WorkerMessage) => {
    const state = workers.get(worker);
    if (!state) return;
    if (message.flama === 'failed') return fail(message.message);
    state.ready = true;
    if (!announced && [...workers.values()].every((other) => other.ready)) {
      announced = true;
      print(message.announcement);
    } else if (state.replaces !== undefined)
      print(`Worker ${worker.process.pid} serves in place of ${state.replaces}.`);
  };

  const onExit = async (worker: Worker, code: number | null, signal: string | null) => {
    // Messages sent before the exit are all read once the channel is closed.
    if (worker.isConnected()) await new Promise((resolve) => worker.once('disconnect', resolve));
    const state = workers.get(worker);
    workers.delete(worker);
    const how = signal ?? `code ${code}`;
    if (!stopping && state && !state.ready) fail(`a worker exited (${how}) before it served.`);
    else if (!stopping) {
      print(`Worker ${worker.process.pid} exited (${how}); starting another.`);
      fork(worker.process.pid);
    } else if (code !== 0) exitCode = 1;
    if (stopping && workers.size === 0) process.exit(exitCode);
  };

  handleSignals({
    shutdown: (signal) => {
      stopping = true;
      stopAll(signal);
    },
    force: (signal) => {
      exitCode = 1;
      stopAll(signal);
    },
    reload: reloadAll,
  });
  for (let index = 0; index < count; index++) fork();
}
