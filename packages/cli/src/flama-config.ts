import { z } from 'zod';
import { modelAppDefaults } from './model-app';
import { serveDefaults } from './serve';

/** Where the docs page or the schema is served: `null`, `false` or `""` for none. */
const optionalPath = (fallback: string) =>
  z
    .union([z.string(), z.literal(false), z.null()], {
      error: 'must be a path such as "/docs/", or null, false or "" for none',
    })
    .default(fallback)
    .transform((path) => path || false);

const portMessage = 'must be an integer between 0 and 65535';

const wholeMessage = (min: number) => `must be a whole number ≥ ${min}`;
const whole = (min: number) => z.int(wholeMessage(min)).min(min, wholeMessage(min));

/** A model, and how it runs (the `--model-*` flags, per model; ONNX Runtime's session options). */
const ModelEntry = z.strictObject({
  url: z.string().startsWith('/', 'must start with "/"'),
  path: z.string().min(1, 'must name a .flm file'),
  name: z.string().min(1, 'must not be empty'),
  version: z.string().min(1, 'must not be empty').optional(),
  threads: whole(0).optional(),
  batching: z.boolean().optional(),
  max_batch_size: whole(1).optional(),
  max_queue_delay: whole(0).optional(),
  max_queue_size: whole(0).optional(),
  timeout: whole(1).optional(),
  inline_run_ms: z
    .number('must be a number of milliseconds ≥ 0')
    .min(0, 'must be a number of milliseconds ≥ 0')
    .optional(),
  intra_op_threads: whole(1).optional(),
  graph_optimization_level: z.enum(['disabled', 'basic', 'extended', 'all']).optional(),
  execution_providers: z.array(z.string().min(1)).min(1).optional(),
});
export type ModelEntry = z.output<typeof ModelEntry>;

/** An app built from settings: the same app, with the same defaults, as `flama serve`'s. */
const AppSettings = z.strictObject({
  title: z.string().default(modelAppDefaults.title),
  version: z.string().default(modelAppDefaults.version),
  description: z.string().default(modelAppDefaults.description),
  docs: optionalPath(modelAppDefaults.docs),
  schema: optionalPath(modelAppDefaults.schema),
  debug: z.boolean().default(false),
  metrics: optionalPath(modelAppDefaults.metrics),
  mcp: optionalPath(modelAppDefaults.mcp),
  watch: z.boolean().default(false),
  models: z.array(ModelEntry).min(1, 'must list at least one model'),
});

const secondsMessage = 'must be a number of seconds above 0';

/** Where and how to serve; host and port default to the HOST and PORT environment variables, then 127.0.0.1:8000. */
const ServerSettings = {
  host: z.string().min(1, 'must not be empty').optional(),
  port: z.int(portMessage).min(0, portMessage).max(65535, portMessage).optional(),
  workers: z.int('must be a whole number ≥ 1').min(1, 'must be a whole number ≥ 1').default(1),
  keep_alive_timeout: z
    .number(secondsMessage)
    .positive(secondsMessage)
    .default(serveDefaults.keepAliveTimeout),
  shutdown_timeout: z.number(secondsMessage).positive(secondsMessage).default(serveDefaults.shutdownTimeout),
  metrics_port: z.int(portMessage).min(0, portMessage).max(65535, portMessage).optional(),
};

/** Flama's `flama.json`: the app (settings, or `"file:export"` of an app in code) and the server. */
export const FlamaConfig = z.strictObject(
  {
    app: z.union([z.string().min(1, 'must be "file" or "file:export"'), AppSettings], {
      error: 'must be an object of app settings, or "file:export" of an app in code',
    }),
    server: z.strictObject(ServerSettings).prefault({}),
  },
  { error: 'must hold a JSON object: {"app": …, "server": …}' },
);

export type FlamaConfig = z.output<typeof FlamaConfig>;
