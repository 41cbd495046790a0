import { InferenceSession, Tensor } from 'onnxruntime-node';

process.env.ORT_DISABLE_TELEMETRY ??= '1';

export { Tensor };

/** Test helper: loads model bytes in ONNX Runtime, runs them once, and answers plain arrays per output. */
export async function runModel(
  model: Uint8Array,
  feeds: Record<string, Tensor>,
  fetches?: string[],
): Promise<Record<string, { dims: readonly number[]; data: unknown[] }>> {
  const session = await InferenceSession.create(model);
  try {
    const outputs = await (fetches ? session.run(feeds, fetches) : session.run(feeds));
    return Object.fromEntries(
      Object.entries(outputs).map(([name, tensor]) => [
        name,
        { dims: tensor.dims, data: Array.from(tensor.data as ArrayLike<unknown>) },
      ]),
    );
  } finally {
    await session.release();
  }
}

export const floats32 = (values: number[], dims: number[]) =>
  new Tensor('float32', Float32Array.from(values), dims);

export async function metadataOf(model: Uint8Array) {
  const session = await InferenceSession.create(model);
  const metadata = { inputs: session.inputMetadata, outputs: session.outputMetadata };
  await session.release();
  return metadata;
}
