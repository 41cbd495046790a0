import { describeValue } from './describe-value';
import { type ElementCodec, elementCodecs } from './element-codecs.js';
import { BatchTooLargeError, ModelInputError, UnsupportedModelError } from './errors';
import type { RawTensor } from './raw-tensor';
import { formatShape, type TensorSpec } from './signature';

/** A tensor given to `run()`: nested arrays (`[[1, 2], [3, 4]]`) or `{ data: [1, 2, 3, 4], shape: [2, 2] }`. */
export type TensorInput = unknown;

/**
 * Converts one named input, checking its shape against the model's before reading any value.
 * When the model leaves the first dimension free, that dimension is the batch: not 0, not above maxRows.
 */
export function toTensor(spec: TensorSpec, input: TensorInput, maxRows: number): RawTensor {
  const codec = elementCodecs[spec.type];
  if (!codec) {
    throw new UnsupportedModelError(`Input '${spec.name}' holds ${spec.type}, which run() can't build yet`);
  }
  const flat = isFlat(input);
  const shape = flat ? flatShape(spec.name, input) : nestedShape(input);
  checkShape(spec, shape, maxRows);
  const buffer = codec.allocate(shape.reduce((size, dim) => size * dim, 1));
  const write = (index: number, value: unknown, position: () => readonly number[]): void => {
    if (!buffer.set(index, value)) throw wrongType(spec, codec, value, position());
  };
  if (flat) {
    (input.data as readonly unknown[]).forEach((value, index) => {
      write(index, value, () => unravel(index, shape));
    });
  } else {
    fillNested(spec.name, input, shape, write);
  }
  return { type: codec.ortType, data: buffer.data, dims: shape };
}

type Write = (index: number, value: unknown, position: () => readonly number[]) => void;

function isFlat(input: unknown): input is { data: unknown; shape: unknown } {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    'data' in input &&
    'shape' in input
  );
}

function flatShape(name: string, { data, shape }: { data: unknown; shape: unknown }): number[] {
  if (!Array.isArray(shape) || !shape.every((dim) => Number.isSafeInteger(dim) && dim >= 0)) {
    throw new ModelInputError('shape', `Input '${name}': shape must be an array of non-negative integers`);
  }
  const size = shape.reduce((product: number, dim: number) => product * dim, 1);
  if (!Array.isArray(data) || data.length !== size) {
    throw new ModelInputError(
      'shape',
      `Input '${name}': shape ${formatShape(shape)} needs a data array of ${size} values`,
    );
  }
  return shape;
}

/** The shape of nested arrays, read from the first element at each depth; `fillNested` checks the others. */
function nestedShape(input: unknown): number[] {
  const shape: number[] = [];
  for (let level: unknown = input; Array.isArray(level); level = level[0]) shape.push(level.length);
  return shape;
}

function fillNested(name: string, input: unknown, shape: readonly number[], write: Write): void {
  let index = 0;
  const visit = (value: unknown, position: number[]): void => {
    const depth = position.length;
    if (depth === shape.length) {
      if (Array.isArray(value)) throw ragged(name, position, 'is an array where a value was expected');
      write(index++, value, () => position);
    } else if (!Array.isArray(value) || value.length !== shape[depth]) {
      throw ragged(name, position, `should be an array of ${shape[depth]} items`);
    } else {
      value.forEach((item, at) => {
        visit(item, [...position, at]);
      });
    }
  };
  visit(input, []);
}

function checkShape(spec: TensorSpec, shape: readonly number[], maxRows: number): void {
  const expected = spec.shape;
  const fits =
    expected.length === 0 ||
    (expected.length === shape.length &&
      expected.every((dim, axis) => typeof dim !== 'number' || dim === shape[axis]));
  if (!fits) {
    throw new ModelInputError(
      'shape',
      `Input '${spec.name}' has shape ${formatShape(shape)}; the model expects ${formatShape(expected)}`,
    );
  }
  const rows = shape[0];
  if (expected.length === 0 || typeof expected[0] === 'number' || rows === undefined) return;
  if (rows === 0) throw new ModelInputError('empty-batch', `Input '${spec.name}' is an empty batch`);
  if (rows > maxRows) throw new BatchTooLargeError(rows, maxRows);
}

function ragged(name: string, position: readonly number[], problem: string): ModelInputError {
  const at = position.length > 0 ? ` at [${position.join(', ')}]` : '';
  return new ModelInputError('ragged', `Input '${name}'${at} ${problem}: nested arrays must be rectangular`);
}

function wrongType(
  spec: TensorSpec,
  codec: ElementCodec,
  value: unknown,
  position: readonly number[],
): ModelInputError {
  return new ModelInputError(
    'wrong-type',
    `Input '${spec.name}' at [${position.join(', ')}]: expected ${codec.expected} (${spec.type}), got ${describeValue(value)}`,
  );
}

function unravel(index: number, shape: readonly number[]): number[] {
  const position: number[] = [];
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    position.unshift(rest % shape[axis]!);
    rest = Math.floor(rest / shape[axis]!);
  }
  return position;
}
