// (c) Inference threads, each request run alone (`batching: false`).
import { serveChurn } from './serving-churn';

await serveChurn({ batching: false });
