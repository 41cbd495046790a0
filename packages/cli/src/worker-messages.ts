/** What a cluster worker tells its primary: it serves (with its start-up lines), or it could not start. */
export type WorkerMessage = { flama: 'ready'; announcement: string } | { flama: 'failed'; message: string };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  const flama = (value as { flama?: unknown } | null)?.flama;
  return flama === 'ready' || flama === 'failed';
}

/** Sends a message to the primary; resolves once it is on its way. */
export function tellPrimary(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}
