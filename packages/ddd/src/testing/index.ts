export { type DescribeDatabasesOptions, describeDatabases, type TestDatabase } from './describe-databases';
