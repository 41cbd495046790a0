import { McpModule } from '@flama/mcp';
import { App } from '@flama/routing';
import { z } from 'zod';

/** An app whose MCP server keeps sessions, which live in the process that opened them. */
export const app = new App();
new McpModule(app)
  .addServer('/mcp/', { name: 'sessions', stateful: true })
  .tool('ping', { input: z.object({}) }, () => 'pong');
