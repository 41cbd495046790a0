// (b) The defaults: inference threads (every CPU but one) with micro-batching.
import { serveChurn } from './serving-churn';

await serveChurn({});
