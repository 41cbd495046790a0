import { ProtoWriter } from './wire';

export interface ModelOptions {
  /** Operator set versions by domain (`''` is the default domain). Default `{ '': 17, 'ai.onnx.ml': 3 }`. */
  readonly opsets?: Readonly<Record<string, number>>;
  /** Default 8, the IR version that goes with opset 17. */
  readonly irVersion?: number;
  readonly producer?: string;
  /** ModelProto.metadata_props: free key/value pairs. */
  readonly metadata?: Readonly<Record<string, string>>;
}

const MODEL = { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8, metadataProps: 14 };

export function encodeModel(writeGraph: (writer: ProtoWriter) => void, options: ModelOptions): Uint8Array {
  const writer = new ProtoWriter().varint(MODEL.irVersion, options.irVersion ?? 8);
  if (options.producer !== undefined) writer.string(MODEL.producerName, options.producer);
  writer.message(MODEL.graph, writeGraph);
  for (const [domain, version] of Object.entries(options.opsets ?? { '': 17, 'ai.onnx.ml': 3 })) {
    writer.message(MODEL.opsetImport, (opset) => opset.string(1, domain).varint(2, version));
  }
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    writer.message(MODEL.metadataProps, (entry) => entry.string(1, key).string(2, value));
  }
  return writer.finish();
}
