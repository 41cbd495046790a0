import type { WebSockets } from '@flama/routing';
import type { ConnectionDrain } from './connection-drain';
import type { ServableApp } from './load-app';
import { exitBySignal, handleSignals } from './signals';

export interface LifecycleOptions {
  /** Seconds to wait for accepted requests before cutting them. */
  shutdownTimeout: number;
  log: (line: string) => void;
  /** The server's WebSockets, closed with 1001 once it stops accepting. */
  webSockets: Pick<WebSockets, 'close'>;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const requests = (count: number) => `${count} request${count === 1 ? '' : 's'}`;

/**
 * What a serving process does on signals. SIGTERM/SIGINT: the app drains (not ready), the server stops
 * accepting and answers what it accepted, WebSockets close with 1001, then the app shuts down and the process
 * exits 0 (1 if the deadline cut requests or the shutdown failed). A second signal more than a second later
 * exits at once. SIGHUP reloads the app, and says how that went.
 */
export function serverLifecycle(
  app: ServableApp,
  drain: ConnectionDrain,
  options: LifecycleOptions,
): { close(): Promise<void> } {
  let closing: Promise<boolean> | undefined;
  const close = async (): Promise<boolean> => {
    app.drain?.();
    const inTime = await drain.drain(options.shutdownTimeout * 1000, options.webSockets.close());
    await app.shutdown?.();
    return inTime;
  };
  const stopListening = handleSignals({
    shutdown: (signal) => {
      const waiting = drain.pending > 0 ? `: finishing ${requests(drain.pending)}` : '';
      options.log(`Shutting down on ${signal}${waiting} (at most ${options.shutdownTimeout} s)`);
      closing ??= close();
      closing.then(
        (inTime) => {
          if (!inTime)
            console.error(`flama: shutdown took over ${options.shutdownTimeout} s; open requests were cut.`);
          process.exit(inTime ? 0 : 1);
        },
        (error: unknown) => {
          console.error(`flama: shutdown failed: ${describe(error)}`);
          process.exit(1);
        },
      );
    },
    force: (signal) => {
      console.error(`flama: ${signal} again: exiting without finishing ${requests(drain.pending)}.`);
      exitBySignal(signal);
    },
    reload: () => {
      if (!app.reload) return options.log('SIGHUP: this app has nothing to reload');
      app.reload().then(
        () => options.log('Reloaded (SIGHUP)'),
        (error: unknown) =>
          console.error(`flama: reload failed, still serving as before: ${describe(error)}`),
      );
    },
  });
  return {
    close: async () => {
      closing ??= close();
      await closing;
      stopListening();
    },
  };
}
