export * from '@flama/auth';
export * from '@flama/ddd';
export * from '@flama/injection';
export {
  McpAuthorizationError,
  type McpAuthorize,
  type McpContext,
  McpModule,
  type McpModuleOptions,
  McpServerBuilder,
  type McpServerOptions,
  type ModelValueSpec as McpModelValueSpec,
  modelTools,
  type PredictingModel as McpPredictingModel,
  type PromptHandler as McpPromptHandler,
  type PromptOptions as McpPromptOptions,
  type ResourceHandler as McpResourceHandler,
  type ResourceOptions as McpResourceOptions,
  RouteCallError as McpRouteCallError,
  type RouteParts as McpRouteParts,
  type RouteToolOptions as McpRouteToolOptions,
  type ServedModel as McpServedModel,
  type ServedModelResource as McpServedModelResource,
  type ServedModels as McpServedModels,
  servedModelTools,
  type ToolAnnotations as McpToolAnnotations,
  type ToolHandler as McpToolHandler,
  type ToolOptions as McpToolOptions,
} from '@flama/mcp';
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
export type { FlamaMcpOptions } from './mcp-settings';
