import { randomUUID } from 'node:crypto';
import type { OutputTensor } from '../engine/tensor-output';
import { writeBinaryTensor } from './binary-tensors';
import { type OipDatatype, oipDatatype } from './datatypes';
import type { InferenceRequest } from './infer-schemas';
import { OipError } from './oip-error';

/**
 * The response to an inference: the outputs asked for (all by default), in JSON, or those asked with
 * `binary_data` (or every one with `binary_data_output`) as Triton's binary tensor data after the JSON.
 */
export function inferenceResponse(
  model: { name: string; version: string },
  request: InferenceRequest,
  outputs: Record<string, OutputTensor>,
): Response {
  const asked = request.outputs ?? Object.keys(outputs).map((name) => ({ name, parameters: undefined }));
  const allBinary = request.parameters?.binary_data_output === true;
  const chunks: Uint8Array[] = [];
  const tensors = asked.map(({ name, parameters }) => {
    const output = outputs[name];
    if (!output) {
      throw new OipError(400, `Unknown output '${name}'; the model gives ${Object.keys(outputs).join(', ')}`);
    }
    const datatype = oipDatatype(output.type) as OipDatatype;
    const tensor = { name, datatype, shape: output.shape };
    if (!(allBinary || parameters?.binary_data === true)) return { ...tensor, data: output.data };
    const bytes = writeBinaryTensor(datatype, output.data);
    chunks.push(bytes);
    return { ...tensor, parameters: { binary_data_size: bytes.byteLength } };
  });
  const body = {
    model_name: model.name,
    model_version: model.version,
    id: request.id ?? randomUUID(),
    outputs: tensors,
  };
  if (chunks.length === 0) return Response.json(body);
  const json = new TextEncoder().encode(JSON.stringify(body));
  return new Response(new Blob([json, ...chunks]), {
    headers: {
      'content-type': 'application/octet-stream',
      'inference-header-content-length': String(json.byteLength),
    },
  });
}
