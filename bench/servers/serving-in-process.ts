// (a) Inference on the event loop, one request at a time (`threads: 0`): the path before inference threads.
import { serveChurn } from './serving-churn';

await serveChurn({ threads: 0 });
