// Rows of JSON values into a model's input tensors, by a plan made once per model (see tabular-plan.ts). Plain
// JavaScript: the inference worker runs it on request bodies it parses itself (feed-rows.d.ts has the types).
import { elementCodecs } from './element-codecs.js';

/**
 * Fills the plan's tensors from `rows` (a non-empty array): `{ feeds }`, or `{ failure }` saying which row
 * and column doesn't fit, for the caller to word.
 */
export function feedRows(plan, rows) {
  return plan.layout === 'columns' ? feedColumns(plan.columns, rows) : feedMatrix(plan, rows);
}

function feedColumns(columns, rows) {
  const codecs = columns.map(({ type }) => elementCodecs[type]);
  const buffers = codecs.map((codec) => codec.allocate(rows.length));
  for (let row = 0; row < rows.length; row++) {
    const values = rows[row];
    if (!Array.isArray(values)) return { failure: { kind: 'not-rows', row, value: values } };
    if (values.length !== columns.length) {
      return { failure: { kind: 'column-count', row, count: values.length } };
    }
    for (let column = 0; column < columns.length; column++) {
      if (!buffers[column].set(row, values[column])) {
        return { failure: { kind: 'wrong-type', row, column, value: values[column] } };
      }
    }
  }
  const feeds = {};
  columns.forEach(({ name }, column) => {
    feeds[name] = { type: codecs[column].ortType, data: buffers[column].data, dims: [rows.length, 1] };
  });
  return { feeds };
}

function feedMatrix({ name, type, width: fixedWidth }, rows) {
  const codec = elementCodecs[type];
  if (!Array.isArray(rows[0])) return { failure: { kind: 'not-rows', row: 0, value: rows[0] } };
  const width = fixedWidth ?? rows[0].length;
  const buffer = codec.allocate(rows.length * width);
  for (let row = 0; row < rows.length; row++) {
    const values = rows[row];
    if (!Array.isArray(values)) return { failure: { kind: 'not-rows', row, value: values } };
    if (values.length !== width) {
      const kind = fixedWidth === null ? 'ragged' : 'column-count';
      return { failure: { kind, row, count: values.length, width } };
    }
    for (let column = 0; column < width; column++) {
      if (!buffer.set(row * width + column, values[column])) {
        return { failure: { kind: 'wrong-type', row, column, value: values[column] } };
      }
    }
  }
  return { feeds: { [name]: { type: codec.ortType, data: buffer.data, dims: [rows.length, width] } } };
}
