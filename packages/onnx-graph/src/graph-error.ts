/** A model that can't be written as asked (values that don't fit a tensor, a bad attribute, a name used twice). */
export class GraphError extends Error {
  override name = 'GraphError';
}
