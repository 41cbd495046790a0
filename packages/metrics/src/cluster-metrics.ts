import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promClient } from './prom-client';

export interface ClusterMetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * In a cluster's primary: serves `GET /metrics` on its own port with every worker's metrics summed (counters,
 * histograms) or listed per worker (gauges), so that one scrape sees the whole server. Workers answer through
 * prom-client's global registry, which PrometheusMetrics uses by default.
 */
export async function serveClusterMetrics(options: {
  host: string;
  port: number;
}): Promise<ClusterMetricsServer> {
  const aggregator = new (promClient().AggregatorRegistry)();
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found: metrics are at /metrics\n');
      return;
    }
    aggregator.clusterMetrics().then(
      (text) => response.writeHead(200, { 'content-type': aggregator.contentType }).end(text),
      (error: Error) => response.writeHead(503, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * In a cluster's worker: answers the primary's requests for this process's metrics (prom-client listens for
 * them only once an AggregatorRegistry has been made in the process).
 */
export function answerClusterMetrics(): void {
  if (cluster.isWorker) new (promClient().AggregatorRegistry)();
}
