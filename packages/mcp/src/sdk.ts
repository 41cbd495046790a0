import type { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';

/** The parts of the official SDK a server is built from. */
export interface Sdk {
  McpServer: typeof McpServer;
  ResourceTemplate: typeof ResourceTemplate;
  Transport: typeof WebStandardStreamableHTTPServerTransport;
  UriTemplate: typeof UriTemplate;
}

let sdk: Promise<Sdk> | undefined;

/** The SDK takes ~0.3 s to import: it loads on the first MCP request, not with the app. */
export function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/mcp.js'),
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    import('@modelcontextprotocol/sdk/shared/uriTemplate.js'),
  ]).then(([mcp, http, uri]) => ({
    McpServer: mcp.McpServer,
    ResourceTemplate: mcp.ResourceTemplate,
    Transport: http.WebStandardStreamableHTTPServerTransport,
    UriTemplate: uri.UriTemplate,
  }));
  return sdk;
}
