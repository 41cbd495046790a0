import type { ValueSpec } from './signature';

/** The output a method reads, or why the model has none it can read. */
export type OutputRole = { readonly name: string; readonly problem?: never } | { readonly problem: string };

const labelNames = ['label', 'output_label'];
const probabilityNames = ['probabilities', 'output_probability'];

/** `predict` reads the label of a classifier (named `label`/`output_label`), else the first output. */
export function predictionRole(outputs: readonly ValueSpec[]): OutputRole {
  const output = outputs.find((spec) => labelNames.includes(spec.name)) ?? outputs[0];
  if (!output) return { problem: 'The model has no output' };
  if (output.kind !== 'tensor') {
    return { problem: `Output '${output.name}' is not a tensor; onnxruntime-node can't read it` };
  }
  return { name: output.name };
}

/** `predictProba` reads the `probabilities`/`output_probability` tensor. */
export function probabilityRole(outputs: readonly ValueSpec[]): OutputRole {
  const output = outputs.find((spec) => probabilityNames.includes(spec.name));
  if (!output) {
    return {
      problem: `The model has no probability output (one named ${probabilityNames.join(' or ')}); it has ${outputs
        .map((spec) => spec.name)
        .join(', ')}`,
    };
  }
  if (output.kind !== 'tensor') {
    return {
      problem:
        `Output '${output.name}' is not a tensor but a sequence of maps (skl2onnx's ZipMap), which onnxruntime-node ` +
        "can't read. Export the classifier without ZipMap: convert_sklearn(model, initial_types=..., " +
        "options={id(model): {'zipmap': False}}) or to_onnx(model, X, options={'zipmap': False}), then pack it again.",
    };
  }
  return { name: output.name };
}
