import { exitBySignal, handleSignals } from './signals';

export interface Starting {
  /** The SIGTERM or SIGINT that came while starting, if one did. */
  readonly stopRequested: NodeJS.Signals | undefined;
  /** Stops handling signals this way (the server's lifecycle handles them from now on). */
  done(): void;
}

/**
 * Signals while the app starts, which by default would end the process: SIGHUP has nothing to reload yet;
 * SIGTERM or SIGINT ask to stop once it has started, so that what its modules opened is closed properly; a
 * second one more than a second later exits at once.
 */
export function whileStarting(log: (line: string) => void): Starting {
  let stopRequested: NodeJS.Signals | undefined;
  const done = handleSignals({
    shutdown: (signal) => {
      stopRequested = signal;
      log(`${signal}: shutting down as soon as the app has started`);
    },
    force: (signal) => {
      console.error(`flama: ${signal} again: exiting before the app has started.`);
      exitBySignal(signal);
    },
    reload: () => log('SIGHUP: still starting, nothing to reload yet'),
  });
  return {
    get stopRequested() {
      return stopRequested;
    },
    done,
  };
}
