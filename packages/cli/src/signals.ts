import { constants } from 'node:os';

/** What a server does on signals: shut down gracefully, give up on that, or reload. */
export interface SignalHandlers {
  /** The first SIGTERM or SIGINT. */
  shutdown(signal: NodeJS.Signals): void;
  /** A SIGTERM or SIGINT more than a second after the first: stop waiting and exit now. */
  force(signal: NodeJS.Signals): void;
  /** SIGHUP, every time. */
  reload(): void;
}

/**
 * Signals arriving within this long of the first count as the same one: pnpm forwards Ctrl-C's SIGINT to
 * a server that already got it from the terminal, and a cluster primary forwards what its workers also got.
 */
export const repeatWindowMs = 1000;

/** Listens for SIGTERM, SIGINT and SIGHUP (which then no longer kill the process); returns how to stop. */
export function handleSignals(handlers: SignalHandlers): () => void {
  let first: number | undefined;
  const onStop = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (first === undefined) {
      first = now;
      handlers.shutdown(signal);
    } else if (now - first > repeatWindowMs) {
      handlers.force(signal);
    }
  };
  const onReload = () => handlers.reload();
  process.on('SIGTERM', onStop);
  process.on('SIGINT', onStop);
  process.on('SIGHUP', onReload);
  return () => {
    process.off('SIGTERM', onStop);
    process.off('SIGINT', onStop);
    process.off('SIGHUP', onReload);
  };
}

/**
 * Ends the process by `signal` itself, as if nothing handled it (its parent sees it killed by that signal; a
 * shell, status 128 + its number). Not `process.exit`: Node's teardown aborts the process ("terminate called
 * after throwing an instance of 'Napi::Error'") when an inference thread is inside ONNX Runtime.
 */
export function exitBySignal(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/** The conventional exit code of a process ended by a signal: 128 + its number (130 for SIGINT). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
