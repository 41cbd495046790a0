/** A model only Python can run (a pickle, a torch or keras file): it can be inspected, not run here. */
export class PythonModelError extends Error {
  override name = 'PythonModelError';
  readonly status = 501;
  readonly expose = true;

  constructor(
    readonly lib: string,
    file: string,
  ) {
    super(
      `${file} holds a ${lib} model, which only Python can run. Export it to ONNX ` +
        `(${exportHint(lib)}), then pack it: flama pack model.onnx -o model.flm.`,
    );
  }
}

function exportHint(lib: string): string {
  if (lib === 'sklearn') return "skl2onnx: to_onnx(model, X[:1], options={'zipmap': False})";
  if (lib === 'torch') return 'torch.onnx.export(model, example_input, "model.onnx")';
  if (lib === 'keras' || lib === 'tensorflow')
    return 'tf2onnx: python -m tf2onnx.convert --saved-model <dir>';
  return 'with your framework’s ONNX exporter';
}
