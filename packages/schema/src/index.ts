export { type ErrorDetail, errorDetail } from './error-detail';
export { type APIErrorBody, apiErrorSchema } from './openapi/api-error';
export { buildOpenAPI } from './openapi/document';
export {
  DuplicateOperationError,
  DuplicateOperationIdError,
  DuplicateSchemaIdError,
  InvalidPathError,
  InvalidSchemaIdError,
  OpenAPIError,
  UnknownSecuritySchemeError,
} from './openapi/errors';
export type { OpenAPIOptions, OperationDescription, ResponseDescription } from './openapi/options';
export type {
  Components,
  Contact,
  ExternalDocs,
  Header,
  HttpMethod,
  License,
  MediaType,
  OAuthFlow,
  OAuthFlows,
  OpenAPIDocument,
  OpenAPIInfo,
  Operation,
  Parameter,
  ParameterLocation,
  PathItem,
  RequestBody,
  Response,
  SchemaObject,
  SecurityRequirement,
  SecurityScheme,
  Server,
  ServerVariable,
  Tag,
} from './openapi/types';
export {
  limitOffsetMeta,
  limitOffsetPagination,
  MAX_PAGE_SIZE,
  type Paginated,
  type PaginationKind,
  pageNumberMeta,
  pageNumberPagination,
  paginated,
} from './pagination';
export { type RawStringInput, stringInputParser } from './string-input/parser';
export { repeatableKeys } from './string-input/repeatable-keys';
export { validator } from './validate';
export { ValidationError } from './validation-error';
