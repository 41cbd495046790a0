// An inference thread: one ONNX Runtime session of its own (a session can't cross threads). It runs the
// batches the main thread sends as tensor packs and answers the outputs as packs. Plain JavaScript, so that
// it runs as it is from the sources and from the published package alike.
import { parentPort, workerData } from 'node:worker_threads';
import { packTensors, unpackTensors } from './tensor-pack.js';

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

parentPort.on('message', async (message) => {
  if (message === 'release') {
    await session.release();
    parentPort.close();
    return;
  }
  const { id, pack, fetches } = message;
  let outputs;
  let ms;
  try {
    const feeds = {};
    for (const [name, { type, data, dims }] of Object.entries(unpackTensors(pack))) {
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
  parentPort.postMessage({ id, pack: packed, ms }, [packed.buffer]);
});

function plainMetadata(metadata) {
  return metadata.isTensor
    ? { name: metadata.name, isTensor: true, type: metadata.type, shape: [...metadata.shape] }
    : { name: metadata.name, isTensor: false };
}
