// An inference thread: one ONNX Runtime session of its own (a session can't cross threads). It runs the
// batches the main thread sends as tensor packs and answers the outputs as packs. Plain JavaScript, so that
// it runs as it is from the sources and from the published package alike.
import { parentPort, workerData } from 'node:worker_threads';
import { feedRows } from './feed-rows.js';
import { plainData, splitRows } from './output-values.js';
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
  if (message.jsons !== undefined) {
    await answerJson(message);
    return;
  }
  const { id, pack, fetches } = message;
  let outputs;
  let ms;
  try {
    const started = performance.now();
    outputs = await run(unpackTensors(pack), fetches);
    ms = performance.now() - started;
  } catch (error) {
    parentPort.postMessage({ id, error: errorMessage(error) });
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
  parentPort.postMessage({ id, pack: packed, ms }, transferList(packed));
});

function run(raw, fetches) {
  const feeds = {};
  for (const [name, { type, data, dims }] of Object.entries(raw)) feeds[name] = new Tensor(type, data, dims);
  return session.run(feeds, fetches, quietRun);
}

/**
 * Answers `POST /predict/` bodies of rows, parsed, fed and run here together, with the text of each one's
 * response (`{"output": […]}`): the event loop only moves bytes. A body that isn't rows fitting the model
 * (malformed, named tensors, a wrong cell) is answered `null`, for the event loop to read and word the
 * error of; so is every body when the model's output has no row per input row.
 */
async function answerJson({ id, jsons, fetch }) {
  const fed = jsons.map(feedsOfBody);
  const fitting = fed.filter((feeds) => feeds !== undefined);
  const rows = fed.map((feeds) => (feeds === undefined ? 0 : Object.values(feeds)[0].dims[0]));
  const total = rows.reduce((sum, count) => sum + count, 0);
  const texts = fed.map(() => null);
  if (fitting.length === 0) {
    parentPort.postMessage({ id, texts, rows, ms: 0 });
    return;
  }
  let output;
  let ms;
  try {
    const started = performance.now();
    output = (await run(joinFeeds(fitting, total), [fetch]))[fetch];
    ms = performance.now() - started;
  } catch (error) {
    parentPort.postMessage({ id, error: errorMessage(error) });
    return;
  }
  if (output.dims[0] === total) {
    const values = splitRows(plainData(output), total);
    let from = 0;
    fed.forEach((feeds, index) => {
      if (feeds === undefined) return;
      texts[index] = JSON.stringify({ output: values.slice(from, from + rows[index]) });
      from += rows[index];
    });
  }
  parentPort.postMessage({ id, texts, rows, ms });
}

/** Each input's rows of every request one after the other, in one tensor per input. */
function joinFeeds(feeds, total) {
  if (feeds.length === 1) return feeds[0];
  const joined = {};
  for (const [name, { type, dims, data }] of Object.entries(feeds[0])) {
    const width = dims.slice(1).reduce((product, dim) => product * dim, 1);
    const all = Array.isArray(data) ? new Array(total * width) : new data.constructor(total * width);
    let at = 0;
    for (const request of feeds) {
      const part = request[name].data;
      if (Array.isArray(all)) for (let i = 0; i < part.length; i++) all[at + i] = part[i];
      else all.set(part, at);
      at += part.length;
    }
    joined[name] = { type, dims: [total, ...dims.slice(1)], data: all };
  }
  return joined;
}

/** The feeds of a body `{"input": rows}`; undefined for anything else, or rows that don't fit. */
function feedsOfBody(json) {
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

function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

function plainMetadata(metadata) {
  return metadata.isTensor
    ? { name: metadata.name, isTensor: true, type: metadata.type, shape: [...metadata.shape] }
    : { name: metadata.name, isTensor: false };
}
