export {
  type McpContext,
  McpModule,
  McpServerBuilder,
  type McpServerOptions,
  type PromptHandler,
  type PromptOptions,
  type ResourceHandler,
  type ResourceOptions,
  type ToolHandler,
  type ToolOptions,
} from './mcp-server';
export { type ModelValueSpec, modelTools, type PredictingModel, type ServedModel } from './model-tools';
