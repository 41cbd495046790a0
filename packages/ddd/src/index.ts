export type { CRUDResourceOptions } from './crud/crud-context';
export { crudResource } from './crud/crud-resource';
export {
  DatabaseConnectionError,
  DatabaseInUseError,
  type DirectoryOwner,
} from './database/connection-errors';
export { createTables } from './database/create-tables';
export { type Connection, Database } from './database/database';
export { DatabaseModule, type DatabaseModuleOptions } from './database/database-module';
export { type DatabaseTarget, DatabaseURLError, parseDatabaseURL } from './database/database-url';
export {
  DataError,
  IntegrityError,
  type IntegrityViolation,
  MultipleRecordsError,
  NotFoundError,
  RepositoryError,
} from './errors';
export { rethrowAsHTTP } from './http-errors';
export { MissingSQLPackageError } from './optional-package';
export type { ColumnName, Filters, NewTableRow, TableRow } from './repositories/filters';
export {
  type HTTPFilters,
  HTTPRepository,
  HTTPRepositoryError,
  type HTTPRepositoryOptions,
} from './repositories/http-repository';
export type { Direction, ListOptions, Repository, StreamOptions } from './repositories/repository';
export { TableRepository } from './repositories/table-repository';
export {
  PostgresRevocationStore,
  type RevokedTokensTable,
  revokedTokensTable,
} from './revocation/postgres-revocation-store';
export { type Repositories, type RepositoryClass, RepositoryDeclaration, Worker } from './workers/worker';
export { WorkerComponent } from './workers/worker-component';
