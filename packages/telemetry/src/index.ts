export { REDACTED, secretCookies, secretHeaders } from './redact';
export type { TelemetryData } from './telemetry-data';
export {
  type TelemetryHook,
  type TelemetryOptions,
  type TokenReader,
  telemetry,
} from './telemetry-middleware';
export { inferenceSpans, tracing, validationSpans } from './tracing';
