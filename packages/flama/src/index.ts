export * from '@flama/auth';
export * from '@flama/ddd';
export * from '@flama/injection';
export * from '@flama/metrics';
export * from '@flama/ml';
export * from '@flama/routing';
export {
  buildOpenAPI,
  errorDetail,
  limitOffsetPagination,
  type OpenAPIDocument,
  type OpenAPIOptions,
  type OperationDescription,
  type Paginated,
  type PaginationKind,
  pageNumberPagination,
  paginated,
  stringInputParser,
  ValidationError,
  validator,
} from '@flama/schema';
export * from '@flama/telemetry';
export { z } from 'zod';
export { Flama, type FlamaOptions } from './flama';
