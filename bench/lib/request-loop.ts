import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoopOptions {
  url: string;
  /** A JSON body: the requests become POSTs of it. */
  body?: string;
  /** Milliseconds between one answer and the next request. */
  pauseMs: number;
  /** The loop stops once this settles. */
  until: Promise<unknown>;
}

export interface LoopResult {
  /** Milliseconds from sending each request to the end of its answer. */
  latencies: number[];
  /** Answers that were not 2xx, and requests that failed outright. */
  failures: number;
}

/**
 * Requests `url` one after another on one keep-alive connection, `pauseMs` apart, until `until` settles: a
 * light client beside the load (a probe, or a trickle of traffic), timed from this process.
 */
export async function requestLoop(options: LoopOptions): Promise<LoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let done = false;
  const finish = () => {
    done = true;
  };
  options.until.then(finish, finish);
  const result: LoopResult = { latencies: [], failures: 0 };
  try {
    while (!done) {
      const started = performance.now();
      const ok = await send(agent, options.url, options.body);
      result.latencies.push(performance.now() - started);
      if (!ok) result.failures++;
      if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  } finally {
    agent.destroy();
  }
  return result;
}

/** One request; true when it was answered with a 2xx. */
function send(agent: Agent, url: string, body: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        agent,
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
        res.once('error', () => resolve(false));
      },
    );
    req.once('error', () => resolve(false));
    req.end(body);
  });
}
