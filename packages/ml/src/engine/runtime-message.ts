/**
 * ONNX Runtime's message without the C++ source location and function signature it carries
 * (`/onnxruntime_src/…/reshape_helper.h:84 onnxruntime::ReshapeHelper::ReshapeHelper(…)`): callers see only the why.
 */
export function runtimeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/onnxruntime_src\/\S+:\d+ \S+\([^)]*\)\s*/g, '').trim();
}
