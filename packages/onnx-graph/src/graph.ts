import { type Attributes, writeAttribute } from './attributes';
import type { ElementType } from './element-type';
import { GraphError } from './graph-error';
import { mlOperators } from './ml-operators';
import { encodeModel, type ModelOptions } from './model';
import { type Tensor, writeTensor } from './tensor';
import { type Dim, tensorType, type ValueType, writeValueInfo } from './value-type';
import type { ProtoWriter } from './wire';

/** A named value of the graph: an input, a constant or a node's output. */
export interface Value {
  readonly name: string;
}

export interface NodeOptions {
  /** Defaults to `ai.onnx.ml` for the ONNX-ML operators, else the default domain. */
  readonly domain?: string;
  /** The output's name (default `<op>_<n>`), or every output's name for a node with several. */
  readonly outputs?: string | readonly string[];
}

interface Node {
  readonly op: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Attributes;
}

const GRAPH = { node: 1, name: 2, initializer: 5, input: 11, output: 12 };
const NODE = { input: 1, output: 2, opType: 4, attribute: 5, domain: 7 };

export class Graph {
  private readonly names = new Set<string>();
  private readonly inputs: { name: string; type: ValueType }[] = [];
  private readonly outputs: { name: string; type: ValueType }[] = [];
  private readonly initializers: { name: string; value: Tensor }[] = [];
  private readonly nodes: Node[] = [];

  constructor(readonly name = 'graph') {}

  /** A graph input; `type` is an element type (a tensor of `shape`) or a full ValueType. */
  input(name: string, type: ElementType | ValueType, shape?: readonly Dim[]): Value {
    this.inputs.push({ name: this.claim(name), type: toValueType(type, shape) });
    return { name };
  }

  /** A constant tensor stored in the model (an initializer). */
  constant(name: string, value: Tensor): Value {
    this.initializers.push({ name: this.claim(name), value });
    return { name };
  }

  node(
    op: string,
    inputs: readonly (Value | '')[],
    attributes?: Attributes,
    options?: NodeOptions & { outputs?: string },
  ): Value;
  node<const Names extends readonly string[]>(
    op: string,
    inputs: readonly (Value | '')[],
    attributes: Attributes,
    options: NodeOptions & { outputs: Names },
  ): { [Index in keyof Names]: Value };
  node(
    op: string,
    inputs: readonly (Value | '')[],
    attributes: Attributes = {},
    options: NodeOptions = {},
  ): Value | readonly Value[] {
    const inputNames = inputs.map((input) => (input === '' ? '' : this.known(input.name)));
    const outputs =
      typeof options.outputs === 'object' ? options.outputs : [options.outputs ?? this.fresh(op)];
    const domain = options.domain ?? (mlOperators.has(op) ? 'ai.onnx.ml' : '');
    this.nodes.push({
      op,
      domain,
      inputs: inputNames,
      outputs: outputs.map((name) => this.claim(name)),
      attributes,
    });
    const values = outputs.map((name) => ({ name }));
    return typeof options.outputs === 'object' ? values : values[0]!;
  }

  /** Marks a value as a graph output; ONNX Runtime needs its type. */
  output(value: Value, type: ElementType | ValueType, shape?: readonly Dim[]): void {
    this.outputs.push({ name: this.known(value.name), type: toValueType(type, shape) });
  }

  /** The serialized ModelProto, ready for `InferenceSession.create(bytes)` or a file. */
  toModel(options: ModelOptions = {}): Uint8Array {
    if (this.outputs.length === 0) throw new GraphError(`Graph '${this.name}' has no output`);
    return encodeModel((writer) => this.write(writer), options);
  }

  private write(writer: ProtoWriter): void {
    writer.string(GRAPH.name, this.name);
    for (const node of this.nodes) writer.message(GRAPH.node, (nested) => writeNode(nested, node));
    for (const { name, value } of this.initializers) {
      writer.message(GRAPH.initializer, (nested) => writeTensor(nested, value, name));
    }
    for (const { name, type } of this.inputs) {
      writer.message(GRAPH.input, (nested) => writeValueInfo(nested, name, type));
    }
    for (const { name, type } of this.outputs) {
      writer.message(GRAPH.output, (nested) => writeValueInfo(nested, name, type));
    }
  }

  private claim(name: string): string {
    if (name === '' || this.names.has(name)) {
      throw new GraphError(`Value name '${name}' is empty or already used`);
    }
    this.names.add(name);
    return name;
  }

  private known(name: string): string {
    if (!this.names.has(name)) throw new GraphError(`No value named '${name}' in graph '${this.name}'`);
    return name;
  }

  private fresh(op: string): string {
    let index = this.nodes.length;
    while (this.names.has(`${op}_${index}`)) index++;
    return `${op}_${index}`;
  }
}

export const graph = (name?: string): Graph => new Graph(name);

function toValueType(type: ElementType | ValueType, shape?: readonly Dim[]): ValueType {
  return typeof type === 'string' ? tensorType(type, shape) : type;
}

function writeNode(writer: ProtoWriter, node: Node): void {
  for (const input of node.inputs) writer.string(NODE.input, input);
  for (const output of node.outputs) writer.string(NODE.output, output);
  writer.string(NODE.opType, node.op).string(NODE.domain, node.domain);
  for (const [name, value] of Object.entries(node.attributes)) {
    writer.message(NODE.attribute, (nested) => writeAttribute(nested, node.op, name, value));
  }
}
