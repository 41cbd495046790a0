import { AccessTokenComponent, AuthenticationMiddleware, hasPermissions, JWT } from '@flama/auth';
import { App, compress, HTTPException, resource, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpModule } from './mcp-module';
import type { PredictingModel } from './model-tools';
import type { ServedModelResource } from './served-models';
import { servedModelTools } from './served-models';

/** A model shaped like @flama/ml's: two columns in (age, plan), a label out; refuses inputs it lacks. */
const churn: PredictingModel = {
  signature: {
    inputs: [
      { name: 'age', kind: 'tensor', type: 'float', shape: [null, 1] },
      { name: 'plan', kind: 'tensor', type: 'string', shape: [null, 1] },
    ],
    columns: ['age', 'plan'],
  },
  async predict(rows: readonly unknown[][]) {
    return rows.map((row, index) => {
      if (row.length !== 2)
        throw new Error(`Row ${index} has ${row.length} values; the model takes 2 (age, plan)`);
      return (row[0] as number) > 40 ? 1 : 0;
    });
  },
  async run(inputs: Record<string, unknown>) {
    if (!('plan' in inputs)) throw new Error('Missing input plan');
    return {};
  },
} as PredictingModel;

/**
 * A resource with the routes of @flama/ml's model resources (inspect, predict, stream) guarded by
 * `churn:use`, and methods of its own: one marked as a tool, one not.
 */
const churnResource = resource({ name: 'churn', description: 'Who leaves, and when' })
  .get('/', { name: 'inspect', meta: { permissions: ['churn:use'] } }, () => metadata)
  .post(
    '/predict/',
    { name: 'predict', meta: { permissions: ['churn:use'] }, body: z.object({ input: z.unknown() }) },
    async ({ body }) => {
      try {
        const { input } = body;
        const output = Array.isArray(input)
          ? await churn.predict(input as never[])
          : await churn.run(input as never);
        return { output };
      } catch (error) {
        throw new HTTPException(400, (error as Error).message);
      }
    },
  )
  .post('/stream/', { name: 'stream', meta: { permissions: ['churn:use'] } }, () => 'events')
  .post(
    '/loss/{currency}/',
    {
      name: 'loss',
      summary: 'Money lost to churn',
      meta: { permissions: ['churn:use'], mcp: true },
      params: z.object({ currency: z.enum(['EUR', 'USD']) }),
      query: z.object({ months: z.coerce.number().int().default(12) }),
      body: z.object({ customers: z.int().min(0) }),
    },
    ({ params, query, body }) => ({ loss: body.customers * query.months * 10, currency: params.currency }),
  )
  .get('/internal/', { name: 'internal', meta: { permissions: ['churn:use'] } }, () => 'not a tool');

/** Metadata long enough for the app's compression middleware to compress it. */
const metadata = { meta: { id: 'churn-1', description: 'churn '.repeat(500) } };

const secret = new TextEncoder().encode('a secret of the served-model tool tests');
const tokens = new AccessTokenComponent({ secret, header: 'Authorization' });
const token = (permissions: string[]) => new JWT({ alg: 'HS256' }, { data: { permissions } }).encode(secret);

let served: SocketServer;

beforeAll(async () => {
  const app = new App({
    components: [tokens],
    middleware: [compress(), new AuthenticationMiddleware(tokens)],
  });
  const models: { resources: ServedModelResource[] } = { resources: [] };
  const mcp = new McpModule(app, {
    authorize: async (permissions, c) => hasPermissions(await tokens.read(c), permissions),
  });
  servedModelTools(mcp.addServer('/mcp/', { name: 'models' }), models);
  // Added after the server, as an app adds models after its MCP server: the tools are declared at startup.
  app.resources.addResource('/churn/', churnResource);
  models.resources.push({ path: '/churn/', resource: churnResource, model: () => churn });
  served = await serveOnSocket(app);
});

afterAll(async () => {
  await served.close();
});

async function connect(permissions?: string[]): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  const headers: Record<string, string> = permissions
    ? { authorization: `Bearer ${await token(permissions)}` }
    : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/mcp/', served.url), { requestInit: { headers } }),
  );
  return client;
}

describe("an app's served models as MCP tools", () => {
  it('lists the predict tool with its typed input, and the methods marked as tools', async () => {
    const client = await connect(['churn:use']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['churn', 'churn.loss']);
    const [predict, loss] = tools;
    expect(predict!.description).toBe('Who leaves, and when');
    const input = (predict!.inputSchema.properties as Record<string, { anyOf: object[] }>).input!;
    expect(input.anyOf[0]).toMatchObject({
      type: 'array',
      items: { type: 'array', items: [{ description: 'age' }, { description: 'plan' }] },
    });
    expect(loss).toMatchObject({ title: 'Money lost to churn', description: 'Money lost to churn' });
    expect(loss!.inputSchema).toMatchObject({
      properties: {
        params: { properties: { currency: { enum: ['EUR', 'USD'] } } },
        query: { properties: { months: {} } },
        body: { properties: { customers: {} } },
      },
      required: ['params', 'body'],
    });
    await client.close();
  });

  it('predicts through POST /predict/: the output as structured content and JSON text', async () => {
    const client = await connect(['churn:use']);
    const result = await client.callTool({
      name: 'churn',
      arguments: {
        input: [
          [52, 'pro'],
          [30, 'free'],
        ],
      },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ output: [1, 0] });
    expect(result.content).toEqual([{ type: 'text', text: '{"output":[1,0]}' }]);
    await client.close();
  });

  it('answers a bad input with an error result saying what is wrong', async () => {
    const client = await connect(['churn:use']);
    const wrongType = await client.callTool({ name: 'churn', arguments: { input: [['old', 'pro']] } });
    expect(wrongType.isError).toBe(true);
    expect(JSON.stringify(wrongType.content)).toContain('input');
    const refused = await client.callTool({ name: 'churn', arguments: { input: { age: [[1]] } } });
    expect(refused.isError).toBe(true);
    expect(refused.content).toEqual([{ type: 'text', text: 'Missing input plan (HTTP 400)' }]);
    await client.close();
  });

  it('calls a method with its path params, query and body', async () => {
    const client = await connect(['churn:use']);
    const result = await client.callTool({
      name: 'churn.loss',
      arguments: { params: { currency: 'EUR' }, query: { months: 2 }, body: { customers: 3 } },
    });
    expect(result.structuredContent).toEqual({ loss: 60, currency: 'EUR' });
    const defaults = await client.callTool({
      name: 'churn.loss',
      arguments: { params: { currency: 'USD' }, body: { customers: 1 } },
    });
    expect(defaults.structuredContent).toEqual({ loss: 120, currency: 'USD' });
    await client.close();
  });

  it("serves the model's metadata as a resource", async () => {
    const client = await connect(['churn:use']);
    const { resources } = await client.listResources();
    expect(resources).toEqual([
      expect.objectContaining({ uri: 'model://churn', name: 'churn metadata', mimeType: 'application/json' }),
    ]);
    const { contents } = await client.readResource({ uri: 'model://churn' });
    // Read in process, uncompressed, though the caller accepts gzip.
    expect(JSON.parse((contents[0] as { text: string }).text)).toEqual(metadata);
    await client.close();
  });

  it('guards them as their routes are guarded: hidden from a caller without the permission, and refused', async () => {
    const client = await connect(['other']);
    expect((await client.listTools()).tools).toEqual([]);
    expect((await client.listResources()).resources).toEqual([]);
    const refused = await client.callTool({ name: 'churn', arguments: { input: [[52, 'pro']] } });
    expect(refused).toMatchObject({
      isError: true,
      content: [{ text: 'Tool churn is refused: insufficient permissions (it needs churn:use)' }],
    });
    await expect(client.readResource({ uri: 'model://churn' })).rejects.toThrow(/refused/);
    await client.close();
  });
});
