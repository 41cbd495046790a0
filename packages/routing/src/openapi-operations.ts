import type { OperationDescription } from '@flama/schema';
import type { Route } from './route';

type Responses = NonNullable<OperationDescription['responses']>;

/** Describes a route's operations for the OpenAPI document (one per method). */
export function routeOperations(route: Route): OperationDescription[] {
  const { options } = route;
  if (options.includeInSchema === false) return [];
  const status = options.status ?? 200;
  const responses: Responses = {
    [String(status)]: {
      description: status === 204 ? 'No content' : 'Successful response',
      schema: options.response,
    },
  };
  for (const [code, response] of Object.entries(options.responses ?? {}))
    responses[code] = typeof response === 'string' ? { description: response } : response;
  const params = options.params ?? (route.path.params.length > 0 ? route.path.schema() : undefined);
  return route.methods.map((method) => ({
    path: route.path.openapi,
    method: method.toLowerCase() as OperationDescription['method'],
    operationId: operationId(route, method),
    summary: options.summary,
    description: options.description,
    tags: options.tags,
    deprecated: options.deprecated,
    params,
    query: options.query,
    body: options.body,
    responses,
    security: options.security,
  }));
}

function operationId(route: Route, method: string): string | undefined {
  const id = route.options.operationId ?? route.name;
  if (id === undefined) return undefined;
  return route.methods.length > 1 ? `${id}_${method.toLowerCase()}` : id;
}
