import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenComponent, AuthenticationMiddleware, JWT } from '@flama/auth';
import { dump, modelResource } from '@flama/ml';
import { doubler } from '@flama/ml/testing';
import { type SocketServer, serveOnSocket } from '@flama/routing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Flama } from './flama';

const secret = new TextEncoder().encode('a secret of the Flama MCP tests');
const tokens = new AccessTokenComponent({ secret, header: 'Authorization' });
const bearer = async (permissions: string[]) =>
  `Bearer ${await new JWT({ alg: 'HS256' }, { data: { permissions } }).encode(secret)}`;

/** One JSON-RPC call to a stateless MCP server (JSON answers), as any MCP client sends it. */
async function rpc(url: string, method: string, params: object, authorization?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(authorization && { authorization }),
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await response.json()) as { result?: Record<string, unknown>; error?: { message: string } };
}

let dir: string;
let served: SocketServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-mcp-'));
  await dump(doubler(), join(dir, 'doubler.flm'));
  const app = new Flama({
    title: 'Doubling',
    description: 'Doubles numbers.',
    components: [tokens],
    middleware: [new AuthenticationMiddleware(tokens)],
    mcp: true,
  });
  const doubling = modelResource({
    name: 'doubler',
    model: join(dir, 'doubler.flm'),
    meta: { permissions: ['doubler:use'] },
  }).post(
    '/triple/',
    { name: 'triple', meta: { mcp: true }, body: z.object({ x: z.number() }) },
    async ({ body, model }) => ({ tripled: ((await model.predict([[body.x]])) as number[])[0]! * 1.5 }),
  );
  app.models.addModelResource('/doubler/', doubling);
  app.mcp
    .server('/mcp/')!
    .tool('audit', { input: z.object({}), meta: { permissions: ['admin'] } }, () => ({ audited: true }));
  served = await serveOnSocket(app);
});

afterAll(async () => {
  await served.close();
  await rm(dir, { recursive: true, force: true });
});

describe('new Flama({ mcp: true })', () => {
  it('serves /mcp/, named after the app, with every model a tool and its methods marked meta.mcp', async () => {
    const initialized = await rpc(`${served.url}/mcp/`, 'initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '0' },
    });
    expect(initialized.result).toMatchObject({
      serverInfo: { name: 'Doubling', version: '0.1.0' },
      instructions: 'Doubles numbers.',
    });
    const authorization = await bearer(['doubler:use']);
    const listed = await rpc(`${served.url}/mcp`, 'tools/list', {}, authorization);
    expect((listed.result!.tools as { name: string }[]).map((tool) => tool.name)).toEqual([
      'doubler',
      'doubler.triple',
    ]);
    const doubled = await rpc(
      `${served.url}/mcp/`,
      'tools/call',
      { name: 'doubler', arguments: { input: [[2], [3.5]] } },
      authorization,
    );
    expect(doubled.result).toMatchObject({ structuredContent: { output: [4, 7] } });
    const tripled = await rpc(
      `${served.url}/mcp/`,
      'tools/call',
      { name: 'doubler.triple', arguments: { body: { x: 2 } } },
      authorization,
    );
    expect(tripled.result).toMatchObject({ structuredContent: { tripled: 6 } });
    const metadata = await rpc(
      `${served.url}/mcp/`,
      'resources/read',
      { uri: 'model://doubler' },
      authorization,
    );
    const contents = metadata.result!.contents as { text: string }[];
    expect(JSON.parse(contents[0]!.text)).toMatchObject({ meta: { framework: { lib: 'onnx' } } });
  });

  it('checks callers with the app’s access token, as the model’s routes are', async () => {
    const anonymous = await rpc(`${served.url}/mcp/`, 'tools/list', {});
    expect(anonymous.result!.tools).toEqual([]);
    const refused = await rpc(`${served.url}/mcp/`, 'tools/call', {
      name: 'doubler',
      arguments: { input: [[2]] },
    });
    expect(refused.result).toMatchObject({
      isError: true,
      content: [{ text: 'Tool doubler is refused: Unauthorized (it needs doubler:use)' }],
    });
    const admin = await bearer(['admin']);
    const listed = await rpc(`${served.url}/mcp/`, 'tools/list', {}, admin);
    expect((listed.result!.tools as { name: string }[]).map((tool) => tool.name)).toEqual(['audit']);
    const audited = await rpc(`${served.url}/mcp/`, 'tools/call', { name: 'audit', arguments: {} }, admin);
    expect(audited.result).toMatchObject({ structuredContent: { audited: true } });
  });
});

describe('the mcp option', () => {
  it('serves no MCP server by default, and at the path given', async () => {
    expect(new Flama().mcp.paths).toEqual([]);
    expect(new Flama({ mcp: '/agents/mcp/' }).mcp.paths).toEqual(['/agents/mcp/']);
    expect(new Flama({ mcp: { stateful: true } }).singleProcess).toMatch(/^the MCP server at \/mcp\/ keeps/);
  });

  it('refuses to start a tool asking for permissions without an access-token component or authorize', async () => {
    const app = new Flama({ mcp: true });
    app.mcp
      .server('/mcp')!
      .tool('audit', { input: z.object({}), meta: { permissions: ['admin'] } }, () => 'audited');
    await expect(app.startup()).rejects.toThrow(
      /tool audit asks for the permissions admin, and nothing checks them/,
    );
  });
});
