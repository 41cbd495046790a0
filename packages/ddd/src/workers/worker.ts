import type { Connection, Database } from '../database/database';

/**
 * A repository class a worker can build on its transaction (a class whose constructor takes nothing, such as an
 * HTTPRepository subclass, fits too).
 */
export type RepositoryClass<R> = new (connection: Connection) => R;

/** What `this.repository(UserRepository)` declares on a worker: built afresh for each unit of work. */
export class RepositoryDeclaration<R> {
  constructor(readonly type: RepositoryClass<R>) {}
}

/** The repositories a worker declares, by the names it declares them under. */
export type Repositories<W> = {
  [K in keyof W as W[K] extends RepositoryDeclaration<unknown>
    ? K
    : never]: W[K] extends RepositoryDeclaration<infer R> ? R : never;
};

/**
 * A unit of work: the repositories it declares share one transaction in each `run`.
 *
 * ```ts
 * class RegisterWorker extends Worker {
 *   user = this.repository(UserRepository);
 * }
 * await new RegisterWorker(database).run(async ({ user }) => user.create({ … }));
 * ```
 * Each `run` is its own transaction, so one worker can serve concurrent runs. Without a database (repositories
 * over HTTP or in memory, no SQL stack installed), each `run` gets its repositories and no transaction.
 */
export abstract class Worker {
  constructor(readonly database?: Database) {}

  /**
   * Runs `work` in one transaction with the worker's repositories: commits when it resolves; rolls back and
   * rethrows when it throws. On PGlite, queries made outside `work` wait until it ends. Without a database,
   * runs `work` with its repositories, each built with no connection.
   */
  async run<T>(work: (repositories: Repositories<this>) => Promise<T>): Promise<T> {
    if (!this.database) return work(this.repositories(undefined));
    return this.database.transaction((connection) => work(this.repositories(connection)));
  }

  /** Declares a repository of the worker: `user = this.repository(UserRepository)`. */
  protected repository<R>(type: RepositoryClass<R>): RepositoryDeclaration<R> {
    return new RepositoryDeclaration(type);
  }

  private repositories(connection: Connection | undefined): Repositories<this> {
    const repositories: Record<string, unknown> = {};
    for (const [name, declared] of Object.entries(this)) {
      // Without a database there is no connection to give: a TableRepository refuses that, saying why.
      if (declared instanceof RepositoryDeclaration)
        repositories[name] = new declared.type(connection as Connection);
    }
    return repositories as Repositories<this>;
  }
}
