import type { TensorSpec } from '../engine/signature';
import type { Model } from '../model/model';
import { readBinaryTensor } from './binary-tensors';
import { type OipDatatype, oipDatatype } from './datatypes';
import { InferenceRequest } from './infer-schemas';
import { OipError } from './oip-error';

/** A request's inputs as `model.run()` takes them, and what it asks of the outputs. */
export interface ParsedInference {
  readonly request: InferenceRequest;
  readonly inputs: Record<string, { data: unknown[]; shape: number[] }>;
}

/**
 * Reads an inference request: JSON, or with Triton's binary extension the JSON header of
 * `Inference-Header-Content-Length` bytes followed by the inputs' raw data in order.
 */
export function parseInference(model: Model, body: Uint8Array, headerLength: string | null): ParsedInference {
  const jsonLength = headerLength === null ? body.byteLength : Number(headerLength);
  if (!Number.isSafeInteger(jsonLength) || jsonLength < 0 || jsonLength > body.byteLength) {
    throw new OipError(
      400,
      `Inference-Header-Content-Length must be a byte count within the body, not "${headerLength}"`,
    );
  }
  const request = readRequest(body.subarray(0, jsonLength));
  const specs = new Map(
    (model.signature?.inputs ?? []).flatMap((spec) => (spec.kind === 'tensor' ? [[spec.name, spec]] : [])),
  );
  let binaryAt = jsonLength;
  const inputs: ParsedInference['inputs'] = {};
  for (const input of request.inputs) {
    const spec = specs.get(input.name);
    if (!spec) {
      throw new OipError(
        400,
        `Unknown input '${input.name}'; the model takes ${[...specs.keys()].join(', ')}`,
      );
    }
    const datatype = input.datatype as OipDatatype;
    const expected = oipDatatype(spec.type);
    if (datatype !== expected) {
      throw new OipError(
        400,
        `Input '${input.name}' has datatype ${datatype}; the model expects ${expected ?? spec.type}`,
      );
    }
    const size = input.parameters?.binary_data_size;
    let data: unknown[];
    if (size !== undefined) {
      if (
        !Number.isSafeInteger(size) ||
        (size as number) < 0 ||
        binaryAt + (size as number) > body.byteLength
      ) {
        throw new OipError(
          400,
          `Input '${input.name}': binary_data_size ${String(size)} runs past the end of the body`,
        );
      }
      data = readBinaryTensor(input.name, datatype, body.subarray(binaryAt, binaryAt + (size as number)));
      binaryAt += size as number;
    } else {
      data = flatData(input.name, input.data);
    }
    inputs[input.name] = { data, shape: checkShape(spec, input.shape) };
  }
  if (binaryAt !== body.byteLength) {
    throw new OipError(
      400,
      `${body.byteLength - binaryAt} bytes of binary data are not claimed by any input's binary_data_size`,
    );
  }
  return { request, inputs };
}

function readRequest(json: Uint8Array): InferenceRequest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (error) {
    throw new OipError(400, `The request body is not JSON: ${(error as Error).message}`);
  }
  const parsed = InferenceRequest.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = issue!.path.join('.');
  throw new OipError(400, `Invalid inference request: ${path ? `${path}: ` : ''}${issue!.message}`);
}

function flatData(name: string, data: unknown): unknown[] {
  if (!Array.isArray(data))
    throw new OipError(400, `Input '${name}' has no data: give "data" or binary_data_size`);
  return data.flat(Number.POSITIVE_INFINITY);
}

/** The rank must match; fixed dimensions must match; free ones take any size. */
function checkShape(spec: TensorSpec, shape: number[]): number[] {
  const fits =
    spec.shape.length === 0 ||
    (spec.shape.length === shape.length &&
      spec.shape.every((dim, axis) => typeof dim !== 'number' || dim === shape[axis]));
  if (!fits) {
    const expected = spec.shape.map((dim) => (typeof dim === 'number' ? dim : -1));
    throw new OipError(
      400,
      `Input '${spec.name}' has shape [${shape.join(', ')}]; the model expects [${expected.join(', ')}]`,
    );
  }
  return shape;
}
