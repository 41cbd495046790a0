import type { OperationDescription, SecurityScheme } from '@flama/schema';
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

export function contributionOf(part: unknown): OpenAPIContribution | undefined {
  if (typeof part !== 'object' || part === null || !('openapi' in part)) return undefined;
  return (part as { openapi?: OpenAPIContribution }).openapi;
}
