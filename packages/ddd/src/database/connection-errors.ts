/** The database could not be reached or opened. */
export class DatabaseConnectionError extends Error {
  override name = 'DatabaseConnectionError';
}

/** Who holds an embedded database directory, as its lock file records it. */
export interface DirectoryOwner {
  readonly pid: number;
  readonly host: string;
  /** When the owning process started (ISO 8601). */
  readonly startedAt: string;
}

/** An embedded PGlite directory is open in another process (or already in this one): one at a time may open it. */
export class DatabaseInUseError extends DatabaseConnectionError {
  override name = 'DatabaseInUseError';

  constructor(
    readonly directory: string,
    readonly owner: DirectoryOwner,
    readonly lockFile: string,
  ) {
    super(
      owner.pid === process.pid
        ? `The embedded PGlite database in ${directory} is already open in this process (pid ${owner.pid}): ` +
            'close it before opening it again, or share one Database.'
        : `The embedded PGlite database in ${directory} is in use by another process ` +
            `(pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}): one process at a time may open it. ` +
            'Stop that process, or use PostgreSQL (postgres://…) to run several; ' +
            `if pid ${owner.pid} is no longer a Flama process, delete ${lockFile}.`,
    );
  }
}
