import type { Servable } from './servable';

export interface TestRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body with `content-type: application/json`. */
  json?: unknown;
  body?: RequestInit['body'];
  query?: Record<string, string | number | boolean | (string | number | boolean)[]>;
}

/**
 * Drives an app in process, with its lifecycle: `const client = await testClient(app)` starts it,
 * `await client.close()` (or `await using`) shuts it down.
 */
export class TestClient implements AsyncDisposable {
  constructor(
    readonly app: Servable,
    private readonly origin = 'http://testserver',
  ) {}

  request(path: string, init: TestRequestInit = {}): Promise<Response> {
    const { json, query, headers, ...rest } = init;
    const url = new URL(path, this.origin);
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    const requestHeaders = new Headers(headers);
    let body = rest.body;
    if (json !== undefined) {
      body = JSON.stringify(json);
      if (!requestHeaders.has('content-type')) requestHeaders.set('content-type', 'application/json');
    }
    return Promise.resolve(this.app.fetch(new Request(url, { ...rest, headers: requestHeaders, body })));
  }

  get(path: string, init?: TestRequestInit): Promise<Response> {
    return this.request(path, { ...init, method: 'GET' });
  }

  post(path: string, init?: TestRequestInit): Promise<Response> {
    return this.request(path, { ...init, method: 'POST' });
  }

  put(path: string, init?: TestRequestInit): Promise<Response> {
    return this.request(path, { ...init, method: 'PUT' });
  }

  patch(path: string, init?: TestRequestInit): Promise<Response> {
    return this.request(path, { ...init, method: 'PATCH' });
  }

  delete(path: string, init?: TestRequestInit): Promise<Response> {
    return this.request(path, { ...init, method: 'DELETE' });
  }

  close(): Promise<void> {
    return this.app.shutdown();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

export async function testClient(app: Servable): Promise<TestClient> {
  await app.startup();
  return new TestClient(app);
}
