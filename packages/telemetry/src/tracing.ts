import { type Instrumentation, routeOf } from '@flama/routing';
import type { Context } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { openTelemetry } from './opentelemetry-api';

const tracerName = '@flama/telemetry';

/**
 * An OpenTelemetry server span per request, named `METHOD route-template`, with the method, route, path and
 * status; 5xx and exceptions mark it failed. Work the handler starts (inference, database calls) nests under it.
 * A no-op until the app installs an OpenTelemetry SDK.
 */
export function tracing(): MiddlewareHandler {
  const { trace, SpanKind, SpanStatusCode } = openTelemetry();
  const tracer = trace.getTracer(tracerName);
  return (c, next) => {
    const route = routeOf(c)?.path.template;
    const attributes = {
      'http.request.method': c.req.method,
      'url.path': c.req.path,
      ...(route && { 'http.route': route }),
    };
    const name = route ? `${c.req.method} ${route}` : c.req.method;
    return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, async (span) => {
      try {
        await next();
        span.setAttribute('http.response.status_code', c.res.status);
        if (c.res.status >= 500 || c.error)
          span.setStatus({ code: SpanStatusCode.ERROR, message: c.error?.message });
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

/** What @flama/ml tells of a request's share of a run (a structural copy: this package doesn't import it). */
interface RequestObservation {
  readonly rows: number;
  readonly batchRows: number;
  readonly queueSeconds: number;
  readonly failed: boolean;
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * A model observer (`app.models.observe(inferenceSpans())`) that adds, under each request's span, an
 * `inference <model>` span covering its run on an inference thread: the model, its rows, the batch's rows and
 * the time it waited in the queue.
 */
export function inferenceSpans() {
  const { context, trace, SpanKind, SpanStatusCode } = openTelemetry();
  const tracer = trace.getTracer(tracerName);
  return {
    enter: (): Context => context.active(),
    request(model: string, observation: RequestObservation, entered: unknown): void {
      const parent = (entered as Context | undefined) ?? context.active();
      const span = tracer.startSpan(
        `inference ${model}`,
        {
          kind: SpanKind.INTERNAL,
          startTime: observation.startedAt,
          attributes: {
            'flama.model': model,
            'flama.model.rows': observation.rows,
            'flama.model.batch_size': observation.batchRows,
            'flama.model.queue_seconds': observation.queueSeconds,
          },
        },
        parent,
      );
      if (observation.failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end(observation.endedAt);
    },
  };
}

/**
 * The app's instrumentation (`new App({ instrumentation: validationSpans() })`) that adds, under each request's
 * span, a `validate <part>` span for its path params, query and body (failed when the input is refused).
 */
export function validationSpans(): Instrumentation {
  const { trace, SpanStatusCode } = openTelemetry();
  const tracer = trace.getTracer(tracerName);
  return {
    validation(_c, route, part, validate) {
      return tracer.startActiveSpan(
        `validate ${part}`,
        { attributes: { 'http.route': route.path.template, 'flama.validated': part } },
        (span) => {
          try {
            return validate();
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    },
  };
}
