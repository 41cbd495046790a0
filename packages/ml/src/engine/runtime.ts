import { requireNode } from '@flama/routing';
import type * as Ort from 'onnxruntime-node';

let runtime: typeof Ort | undefined;

/**
 * Loads onnxruntime-node on first use, so that importing @flama/ml (or `flama`) costs nothing for apps
 * that serve no model. Every model is created through this first.
 */
export async function loadRuntime(): Promise<typeof Ort> {
  requireNode(
    '@flama/ml (models run on onnxruntime-node, a native addon, on inference threads)',
    'serve models from a Node process (flama serve); the rest of the app runs anywhere.',
  );
  // onnxruntime reports usage unless told not to; it reads this when its environment starts (first session).
  process.env.ORT_DISABLE_TELEMETRY ??= '1';
  runtime ??= await import('onnxruntime-node');
  return runtime;
}

/** The loaded runtime, for code that only runs on a model created through `loadRuntime`. */
export function ort(): typeof Ort {
  if (!runtime) throw new Error('onnxruntime-node is not loaded: create models with OnnxModel.create');
  return runtime;
}
