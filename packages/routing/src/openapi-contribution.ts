import type { Injector } from '@flama/injection';
import type { OperationDescription, SecurityScheme } from '@flama/schema';
import type { Context } from 'hono';
import type { Route } from './route';

/**
 * What a part of an app (a component, a middleware, a module) adds to the OpenAPI document, through an
 * `openapi` property. A component's `describeOperation` applies to the routes that inject it, directly or
 * through other components; a middleware's or module's to every route of its app.
 */
export interface OpenAPIContribution {
  securitySchemes?: Record<string, SecurityScheme>;
  describeOperation?(operation: OperationDescription, route: Route): OperationDescription;
}

/**
 * A middleware's or module's `openapi` may also be a function of its app's injector, when what it documents
 * depends on the app's components (the authentication middleware documents the token component it resolves).
 */
export type AppOpenAPIContribution =
  | OpenAPIContribution
  | ((injector: Injector<Context>) => OpenAPIContribution | undefined);

export function contributionOf(part: unknown, injector?: Injector<Context>): OpenAPIContribution | undefined {
  if (typeof part !== 'object' || part === null || !('openapi' in part)) return undefined;
  const openapi = (part as { openapi?: AppOpenAPIContribution }).openapi;
  return typeof openapi === 'function' ? injector && openapi(injector) : openapi;
}
