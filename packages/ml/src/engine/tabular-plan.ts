import { describeValue } from './describe-value';
import { type ElementCodec, elementCodecs } from './element-codecs';
import { ModelInputError, UnsupportedModelError } from './errors';
import type { RawFeeds } from './raw-tensor';
import { formatShape, perColumnInputs, type TensorSpec, type ValueSpec } from './signature';

/** Turns a batch of rows into the model's inputs. Built once per model; `rows` is a non-empty array. */
export interface TabularPlan {
  feeds(rows: readonly unknown[]): RawFeeds;
}

/**
 * Rows fit a model with one 2-D input `[N, C]` (every column one type) or one `[N, 1]` input per column
 * (skl2onnx's layout for mixed types). Any other model gets a plan that explains why rows don't fit it.
 */
export function tabularPlan(inputs: readonly ValueSpec[]): TabularPlan {
  const columns = perColumnInputs(inputs);
  if (columns) return convertible(columns, () => perColumnPlan(columns));
  const [single] = inputs;
  if (inputs.length === 1 && single?.kind === 'tensor' && single.shape.length === 2) {
    return convertible([single], () => matrixPlan(single));
  }
  return unsupported(
    `rows fit a model with one 2-D input [N, C] or one [N, 1] input per column, and this one takes ${inputs
      .map(describeSpec)
      .join(', ')}: call run() with named tensors`,
  );
}

function convertible(inputs: readonly TensorSpec[], plan: () => TabularPlan): TabularPlan {
  const input = inputs.find(({ type }) => !elementCodecs[type]);
  return input
    ? unsupported(`input '${input.name}' holds ${input.type}, which rows can't be converted to`)
    : plan();
}

function unsupported(problem: string): TabularPlan {
  return {
    feeds() {
      throw new UnsupportedModelError(problem);
    },
  };
}

function perColumnPlan(inputs: readonly TensorSpec[]): TabularPlan {
  const columns = inputs.map((input) => ({
    ...input,
    codec: codecOf(input),
    label: `column '${input.name}'`,
  }));
  const arity = `the model takes ${columns.length} columns (${columns.map(({ name }) => name).join(', ')})`;
  return {
    feeds(rows) {
      const buffers = columns.map(({ codec }) => codec.allocate(rows.length));
      rows.forEach((row, index) => {
        const values = rowValues(row, index);
        if (values.length !== columns.length) throw columnCount(index, values.length, arity);
        columns.forEach(({ type, codec, label }, column) => {
          if (!buffers[column]!.set(index, values[column])) {
            throw wrongType(index, label, type, codec, values[column]);
          }
        });
      });
      const feeds: RawFeeds = {};
      columns.forEach(({ name, codec }, column) => {
        feeds[name] = { type: codec.ortType, data: buffers[column]!.data, dims: [rows.length, 1] };
      });
      return feeds;
    },
  };
}

function matrixPlan(input: TensorSpec): TabularPlan {
  const codec = codecOf(input);
  const fixedWidth = typeof input.shape[1] === 'number' ? input.shape[1] : undefined;
  return {
    feeds(rows) {
      const width = fixedWidth ?? rowValues(rows[0], 0).length;
      const buffer = codec.allocate(rows.length * width);
      rows.forEach((row, index) => {
        const values = rowValues(row, index);
        if (values.length !== width) {
          throw fixedWidth === undefined
            ? new ModelInputError('ragged', `Row ${index} has ${values.length} values and row 0 has ${width}`)
            : columnCount(index, values.length, `the model takes ${width} columns`);
        }
        for (let column = 0; column < width; column++) {
          if (!buffer.set(index * width + column, values[column])) {
            throw wrongType(
              index,
              `column ${column} of input '${input.name}'`,
              input.type,
              codec,
              values[column],
            );
          }
        }
      });
      return { [input.name]: { type: codec.ortType, data: buffer.data, dims: [rows.length, width] } };
    },
  };
}

function codecOf(input: TensorSpec): ElementCodec {
  return elementCodecs[input.type]!;
}

function rowValues(row: unknown, index: number): readonly unknown[] {
  if (!Array.isArray(row)) {
    throw new ModelInputError('not-rows', `Row ${index} is ${describeValue(row)}, not an array of values`);
  }
  return row;
}

function columnCount(index: number, count: number, arity: string): ModelInputError {
  return new ModelInputError('column-count', `Row ${index} has ${count} values; ${arity}`);
}

function wrongType(
  index: number,
  column: string,
  type: string,
  codec: ElementCodec,
  value: unknown,
): ModelInputError {
  return new ModelInputError(
    'wrong-type',
    `Row ${index}, ${column}: expected ${codec.expected} (${type}), got ${describeValue(value)}`,
  );
}

function describeSpec(spec: ValueSpec): string {
  return spec.kind === 'tensor' ? `${spec.name} ${formatShape(spec.shape)}` : `${spec.name} (not a tensor)`;
}
