import { component, Token } from '@flama/injection';
import { App, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpModule } from './mcp-module';
import { modelTools, type PredictingModel } from './model-tools';

/** A model shaped like @flama/ml's: two columns in, a score out; refuses rows of the wrong width. */
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
    if (!('age' in inputs)) throw new Error('Missing input age');
    return { score: { type: 'float', dims: [1], data: [0.5] } };
  },
  inspect: () => ({ meta: { id: 'churn-1' }, artifacts: [] }),
} as PredictingModel;

let served: SocketServer;
let client: Client;
let base = '';

beforeAll(async () => {
  const ChurnModel = new Token<PredictingModel>('ChurnModel');
  const app = new App({ components: [component({ provides: ChurnModel, resolve: () => churn })] });
  const mcp = new McpModule(app);
  modelTools(mcp.addServer('/mcp/', { name: 'models' }), [{ name: 'churn', model: () => churn }]);
  // The model as a component of the app, injected per request (what `flama serve` does with model resources).
  modelTools(mcp.addServer('/injected/mcp/', { name: 'models', inject: { churn: ChurnModel } }), [
    { name: 'churn', model: (context) => context.churn as PredictingModel },
  ]);
  served = await serveOnSocket(app);
  base = served.url;
  client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp/', base)));
});

afterAll(async () => {
  await client.close();
  await served.close();
});

describe('served models as MCP tools', () => {
  it('lists a tool per model, its input typed from the signature', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['churn']);
    const input = (tools[0]!.inputSchema.properties as Record<string, { anyOf: { items?: unknown }[] }>)
      .input;
    expect(input!.anyOf[0]).toMatchObject({
      type: 'array',
      minItems: 1,
      items: {
        type: 'array',
        items: [
          { description: 'age', type: ['number', 'null'] },
          { description: 'plan', type: ['string', 'null'] },
        ],
        minItems: 2,
        maxItems: 2,
      },
    });
  });

  it('predicts rows: the output as structured content and JSON text', async () => {
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
  });

  it('runs named tensors', async () => {
    const result = await client.callTool({
      name: 'churn',
      arguments: { input: { age: [[52]], plan: [['pro']] } },
    });
    expect(result.structuredContent).toEqual({
      output: { score: { type: 'float', dims: [1], data: [0.5] } },
    });
  });

  it('answers a bad input with an error result saying what is wrong', async () => {
    const wrongType = await client.callTool({ name: 'churn', arguments: { input: [['old', 'pro']] } });
    expect(wrongType.isError).toBe(true);
    const missing = await client.callTool({ name: 'churn', arguments: {} });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]!.text).toContain('input');
    const refused = await client.callTool({ name: 'churn', arguments: { input: { plan: [['pro']] } } });
    expect(refused).toMatchObject({ isError: true, content: [{ type: 'text', text: 'Missing input age' }] });
  });

  it("serves the model's metadata as a resource", async () => {
    const { contents } = await client.readResource({ uri: 'model://churn' });
    expect(JSON.parse((contents[0] as { text: string }).text)).toEqual({
      meta: { id: 'churn-1' },
      artifacts: [],
    });
  });

  it('takes the model from an injected component', async () => {
    const injected = new Client({ name: 'test', version: '0.0.0' });
    await injected.connect(new StreamableHTTPClientTransport(new URL('/injected/mcp/', base)));
    const result = await injected.callTool({ name: 'churn', arguments: { input: [[52, 'pro']] } });
    expect(result.structuredContent).toEqual({ output: [1] });
    await injected.close();
  });
});
