import { describeValue } from './describe-value';
import { elementCodecs } from './element-codecs.js';
import { ModelInputError, UnsupportedModelError } from './errors';
import { type FeedFailure, type FeedPlan, feedRows } from './feed-rows.js';
import type { RawFeeds } from './raw-tensor';
import { formatShape, perColumnInputs, type TensorSpec, type ValueSpec } from './signature';

/** Turns a batch of rows into the model's inputs. Built once per model; `rows` is a non-empty array. */
export interface TabularPlan {
  feeds(rows: readonly unknown[]): RawFeeds;
  /** The same as plain data, for an inference thread to feed rows it parsed itself; none when rows don't fit. */
  readonly feedPlan?: FeedPlan;
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
  const feedPlan: FeedPlan = { layout: 'columns', columns: inputs.map(({ name, type }) => ({ name, type })) };
  const arity = `the model takes ${inputs.length} columns (${inputs.map(({ name }) => name).join(', ')})`;
  return fittingPlan(feedPlan, (failure) => {
    if (failure.kind !== 'wrong-type') return shapeError(failure, arity);
    const input = inputs[failure.column]!;
    return wrongType(failure, `column '${input.name}'`, input.type);
  });
}

function matrixPlan(input: TensorSpec): TabularPlan {
  const width = typeof input.shape[1] === 'number' ? input.shape[1] : null;
  const feedPlan: FeedPlan = { layout: 'matrix', name: input.name, type: input.type, width };
  return fittingPlan(feedPlan, (failure) => {
    if (failure.kind !== 'wrong-type') return shapeError(failure, `the model takes ${width} columns`);
    return wrongType(failure, `column ${failure.column} of input '${input.name}'`, input.type);
  });
}

function fittingPlan(feedPlan: FeedPlan, explain: (failure: FeedFailure) => ModelInputError): TabularPlan {
  return {
    feedPlan,
    feeds(rows) {
      const fed = feedRows(feedPlan, rows);
      if ('failure' in fed) throw explain(fed.failure);
      return fed.feeds;
    },
  };
}

function shapeError(failure: Exclude<FeedFailure, { kind: 'wrong-type' }>, arity: string): ModelInputError {
  const { row } = failure;
  if (failure.kind === 'not-rows') {
    return new ModelInputError(
      'not-rows',
      `Row ${row} is ${describeValue(failure.value)}, not an array of values`,
    );
  }
  if (failure.kind === 'ragged') {
    return new ModelInputError(
      'ragged',
      `Row ${row} has ${failure.count} values and row 0 has ${failure.width}`,
    );
  }
  return new ModelInputError('column-count', `Row ${row} has ${failure.count} values; ${arity}`);
}

function wrongType(failure: { row: number; value: unknown }, column: string, type: string): ModelInputError {
  const codec = elementCodecs[type]!;
  return new ModelInputError(
    'wrong-type',
    `Row ${failure.row}, ${column}: expected ${codec.expected} (${type}), got ${describeValue(failure.value)}`,
  );
}

function describeSpec(spec: ValueSpec): string {
  return spec.kind === 'tensor' ? `${spec.name} ${formatShape(spec.shape)}` : `${spec.name} (not a tensor)`;
}
