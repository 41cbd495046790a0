import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';

const fixture = join(fileURLToPath(new URL('./testing/', import.meta.url)), 'stateful-mcp-app.ts');
const running: ServingCli[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

const json = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };

describe('an app with a stateful MCP server', () => {
  it('refuses more than one worker, saying why in one line', async () => {
    const result = await runCli(['run', fixture, '--server-port', '0', '--server-workers', '2']);
    expect([result.code, result.stderr.trim()]).toEqual([
      1,
      "flama: Can't serve with 2 workers: the MCP server at /mcp/ keeps its sessions in this process " +
        '(stateful), and nothing routes a session’s requests back to the worker holding it. ' +
        'Serve it with --server-workers 1.',
    ]);
  });

  it('serves sessions in one process, and shuts down cleanly with a session’s stream open', async () => {
    const cli = await serveCli(['run', fixture, '--server-port', '0']);
    running.push(cli);
    const opened = await fetch(`${cli.url}/mcp/`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '0' },
        },
      }),
    });
    await opened.text();
    const session = {
      'mcp-session-id': opened.headers.get('mcp-session-id')!,
      'mcp-protocol-version': '2025-06-18',
    };
    const initialized = await fetch(`${cli.url}/mcp/`, {
      method: 'POST',
      headers: { ...json, ...session },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    expect(initialized.status).toBe(202);
    const stream = await fetch(`${cli.url}/mcp/`, { headers: { accept: 'text/event-stream', ...session } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();

    // Exit code 0: everything accepted was answered within the shutdown timeout, the stream included.
    expect(await cli.stop('SIGTERM')).toBe(0);
    while (!(await reader.read()).done);
  });
});
