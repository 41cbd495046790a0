export { Context } from 'hono';
export { bodyLimit } from 'hono/body-limit';
export { compress } from 'hono/compress';
export { cors } from 'hono/cors';
export { App, type AppOptions } from './app';
export { debugResponse } from './debug-response';
export type { ClientError } from './error-handler';
export { type ErrorBody, errorResponse } from './error-response';
export type { HealthOption, HealthPaths } from './health';
export { Body, Cookies, JsonBytes, PathParams } from './http-components';
export { type ErrorDetail, HTTPException, statusText } from './http-exception';
export type { Instrumentation, ValidatedPart } from './instrumentation';
export { parseJsonBody } from './json-body';
export { StartupError } from './lifecycle-errors';
export type { Middleware, MiddlewareFactory } from './middleware';
export type { Module } from './module';
export { nodeIncoming, requestHeader } from './node-incoming';
export { NodeOnlyError, requireNode } from './node-only';
export type { AppOpenAPIContribution, OpenAPIContribution } from './openapi-contribution';
export { type PathParamsOf, PathTemplate, PathTemplateError } from './path-template';
export { contextCache, type FlamaEnv } from './request-state';
export { Resource, type ResourceOptions, resource } from './resource';
export { ResponseValidationError } from './respond';
export { Route } from './route';
export { RouteBuilder } from './route-builder';
export type {
  AnyHandler,
  AnyRouteOptions,
  DocumentedResponse,
  Handler,
  HandlerArgs,
  HttpMethod,
  RouteDocs,
  RouteMeta,
  RouteMethod,
  RouteOptions,
  SecurityRequirement,
} from './route-options';
export { routeOf } from './route-registry';
export { currentRuntime, type Runtime } from './runtime';
export type { Servable } from './servable';
export { type SocketServer, serveOnSocket } from './socket-server';
export { TestClient, type TestRequestInit, testClient } from './test-client';
export { DuplicateRouteNameError, NoRouteError } from './url-resolver';
export {
  acceptWebSockets,
  type WebSocketOptions,
  WebSockets,
  WebSocketsUnavailableError,
  webSocket,
} from './web-sockets';
