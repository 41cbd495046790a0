// The OpenAPI 3.1 objects this builder writes (https://spec.openapis.org/oas/v3.1.0), as plain JSON.

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as produced by zod's `toJSONSchema`. */
export type SchemaObject = { [keyword: string]: unknown };

export interface ExternalDocs {
  url: string;
  description?: string;
}

export interface Contact {
  name?: string;
  url?: string;
  email?: string;
}

export interface License {
  name: string;
  identifier?: string;
  url?: string;
}

export interface OpenAPIInfo {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: Contact;
  license?: License;
}

export interface ServerVariable {
  default: string;
  enum?: string[];
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariable>;
}

export interface Tag {
  name: string;
  description?: string;
  externalDocs?: ExternalDocs;
}

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}

export interface OAuthFlows {
  implicit?: OAuthFlow & { authorizationUrl: string };
  password?: OAuthFlow & { tokenUrl: string };
  clientCredentials?: OAuthFlow & { tokenUrl: string };
  authorizationCode?: OAuthFlow & { authorizationUrl: string; tokenUrl: string };
}

/** An OpenAPI Security Scheme object. */
export type SecurityScheme = { description?: string } & (
  | { type: 'apiKey'; name: string; in: 'query' | 'header' | 'cookie' }
  | { type: 'http'; scheme: string; bearerFormat?: string }
  | { type: 'mutualTLS' }
  | { type: 'oauth2'; flows: OAuthFlows }
  | { type: 'openIdConnect'; openIdConnectUrl: string }
);

/** Scheme name (a key of `securitySchemes`) → required scopes; `{}` entries in a list are alternatives. */
export type SecurityRequirement = Record<string, string[]>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  description?: string;
  required: boolean;
  deprecated?: boolean;
  style?: 'form' | 'simple';
  explode?: boolean;
  schema: SchemaObject;
}

export interface MediaType {
  schema?: SchemaObject;
}

export interface RequestBody {
  description?: string;
  required: boolean;
  content: Record<string, MediaType>;
}

export interface Header {
  description?: string;
  schema: SchemaObject;
}

export interface Response {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, Response>;
  deprecated?: boolean;
  security?: SecurityRequirement[];
  [extension: `x-${string}`]: unknown;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

export type PathItem = Partial<Record<HttpMethod, Operation>>;

export interface Components {
  schemas?: Record<string, SchemaObject>;
  securitySchemes?: Record<string, SecurityScheme>;
}

export interface OpenAPIDocument {
  openapi: '3.1.0';
  info: OpenAPIInfo;
  servers?: Server[];
  security?: SecurityRequirement[];
  tags?: Tag[];
  externalDocs?: ExternalDocs;
  paths: Record<string, PathItem>;
  components?: Components;
}
