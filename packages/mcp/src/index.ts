export { McpAuthorizationError, type McpAuthorize } from './authorization';
export { McpModule, type McpModuleOptions } from './mcp-module';
export {
  McpServerBuilder,
  type McpServerOptions,
  type PromptHandler,
  type PromptOptions,
  type ResourceHandler,
  type ResourceOptions,
  type RouteToolOptions,
  type ToolAnnotations,
  type ToolHandler,
  type ToolOptions,
} from './mcp-server';
export { type ModelValueSpec, modelTools, type PredictingModel, type ServedModel } from './model-tools';
export type { McpContext } from './request-context';
export { RouteCallError, type RouteParts } from './route-call';
export { type ServedModelResource, type ServedModels, servedModelTools } from './served-models';
