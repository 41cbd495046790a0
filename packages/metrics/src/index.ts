export { type ClusterMetricsServer, serveClusterMetrics } from './cluster-metrics';
export { UNMATCHED } from './http-metrics';
export { PrometheusMetrics, type PrometheusMetricsOptions } from './prometheus-metrics';
