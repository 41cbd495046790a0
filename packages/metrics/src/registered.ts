import type { Metric, Registry } from 'prom-client';

/** The metric named `name` in `registry`, created once: apps built twice in one process share it. */
export function registered<M extends Metric>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}
