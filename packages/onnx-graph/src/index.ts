export { type Attributes, type AttributeValue, float, floats, type TypedAttribute } from './attributes';
export type { ElementType } from './element-type';
export { Graph, graph, type NodeOptions, type Value } from './graph';
export { GraphError } from './graph-error';
export type { ModelOptions } from './model';
export { type Tensor, type TensorValues, tensor } from './tensor';
export { type Dim, mapType, sequenceType, tensorType, type ValueType } from './value-type';
