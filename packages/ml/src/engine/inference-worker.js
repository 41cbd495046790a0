// An inference thread: one ONNX Runtime session of its own (a session can't cross threads). It runs the
// batches the main thread sends as tensor packs and answers the outputs as packs. Plain JavaScript, so that
// it runs as it is from the sources and from the published package alike.
import { parentPort, workerData } from 'node:worker_threads';
import { feedRows } from './feed-rows.js';
import { packTensors, transferList, unpackTensors } from './tensor-pack.js';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
const { InferenceSession, Tensor } = await import('onnxruntime-node');
/** A failed run is answered to the request; without this ONNX Runtime also logs it. */
const quietRun = { logSeverityLevel: 4 };

let session;
try {
  session = await InferenceSession.create(workerData.model, workerData.sessionOptions);
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(0);
}
parentPort.postMessage({
  kind: 'ready',
  inputMetadata: session.inputMetadata.map(plainMetadata),
  outputMetadata: session.outputMetadata.map(plainMetadata),
});

/** How rows in JSON bodies feed the model, once the main thread has planned it (see `runJson`). */
let jsonRows = workerData.jsonRows;

parentPort.on('message', async (message) => {
  if (message.jsonRows) {
    jsonRows = message.jsonRows;
    return;
  }
  if (message === 'release') {
    await session.release();
    parentPort.close();
    return;
  }
  const { id, pack, json, fetches } = message;
  const raw = json === undefined ? unpackTensors(pack) : rowsOfBody(json);
  if (raw === undefined) {
    parentPort.postMessage({ id, unfit: true });
    return;
  }
  let outputs;
  let ms;
  try {
    const feeds = {};
    for (const [name, { type, data, dims }] of Object.entries(raw)) {
      feeds[name] = new Tensor(type, data, dims);
    }
    const started = performance.now();
    outputs = await session.run(feeds, fetches, quietRun);
    ms = performance.now() - started;
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const packed = packTensors(
    fetches.map((name) => ({
      name,
      type: outputs[name].type,
      dims: outputs[name].dims,
      chunks: [outputs[name].data],
    })),
  );
  const rows = json === undefined ? undefined : Object.values(raw)[0].dims[0];
  parentPort.postMessage({ id, pack: packed, ms, rows }, transferList(packed));
});

/**
 * The feeds of a `POST /predict/` body of rows, parsed here rather than on the event loop; undefined for
 * anything else (malformed, named tensors, a row that doesn't fit), which the main thread then reads itself
 * and words the error of.
 */
function rowsOfBody(json) {
  if (jsonRows === undefined) return undefined;
  const { feedPlan, maxRows } = jsonRows;
  let body;
  try {
    body = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
  const rows = body !== null && typeof body === 'object' ? body.input : undefined;
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > maxRows) return undefined;
  const fed = feedRows(feedPlan, rows);
  return 'feeds' in fed ? fed.feeds : undefined;
}

function plainMetadata(metadata) {
  return metadata.isTensor
    ? { name: metadata.name, isTensor: true, type: metadata.type, shape: [...metadata.shape] }
    : { name: metadata.name, isTensor: false };
}
