import type { Component } from '@flama/injection';
import { Database } from '../database/database';
import type { Worker } from './worker';

type WorkerClass<W extends Worker> = new (database: Database) => W;

/**
 * Provides a worker to the handlers that inject it (`inject: { worker: RegisterWorker }`): a fresh one per
 * request, on the app's database (from the DatabaseModule).
 */
export class WorkerComponent<W extends Worker> implements Component<W, unknown> {
  readonly inject = { database: Database };
  readonly scope = 'context';
  readonly name: string;

  constructor(readonly provides: WorkerClass<W>) {
    this.name = provides.name || 'Worker';
  }

  resolve({ database }: Record<string, unknown>): W {
    return new this.provides(database as Database);
  }
}
