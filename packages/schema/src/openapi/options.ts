import type { z } from 'zod';
import type {
  ExternalDocs,
  HttpMethod,
  OpenAPIInfo,
  SecurityRequirement,
  SecurityScheme,
  Server,
  Tag,
} from './types';

/** Document-level settings for `buildOpenAPI`. */
export interface OpenAPIOptions {
  info: OpenAPIInfo;
  servers?: Server[];
  tags?: Tag[];
  externalDocs?: ExternalDocs;
  securitySchemes?: Record<string, SecurityScheme>;
  /** Requirement for every operation that doesn't set its own. */
  security?: SecurityRequirement[];
}

export interface ResponseDescription {
  description: string;
  /** Documented with zod's output view. */
  schema?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
  headers?: Record<string, { description?: string; schema: z.ZodType }>;
}

/** One route as the builder needs it: any router can describe its routes this way. */
export interface OperationDescription {
  /** In OpenAPI form: `/user/{id}/`. */
  path: string;
  method: HttpMethod;
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  /** Path parameters (always required). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  cookies?: z.ZodObject;
  body?: z.ZodType;
  /** Default `application/json`. */
  bodyContentType?: string;
  /** Default true. */
  bodyRequired?: boolean;
  /** Keyed by status code (`'200'`, `'4XX'`) or `'default'`. */
  responses?: Record<string, ResponseDescription>;
  /** `[]` marks the operation explicitly open when the document requires security. */
  security?: SecurityRequirement[];
  extensions?: Record<`x-${string}`, unknown>;
}
