import { z } from 'zod';
import { oipDatatypes } from './datatypes';

const Parameters = z.record(z.string(), z.unknown());

/** A tensor of an inference request or response: data row-major, flat (nested accepted on input). */
const TensorData = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  datatype: z.enum(oipDatatypes as [string, ...string[]]),
  parameters: Parameters.optional(),
  data: z.unknown().optional(),
});

export const InferenceRequest = z
  .object({
    id: z.string().optional(),
    parameters: Parameters.optional(),
    inputs: z.array(TensorData).min(1),
    outputs: z.array(z.object({ name: z.string(), parameters: Parameters.optional() })).optional(),
  })
  .meta({ id: 'InferenceRequest' });
export type InferenceRequest = z.output<typeof InferenceRequest>;

export const InferenceResponse = z
  .object({
    model_name: z.string(),
    model_version: z.string().optional(),
    id: z.string(),
    parameters: Parameters.optional(),
    outputs: z.array(TensorData),
  })
  .meta({ id: 'InferenceResponse' });

const TensorMetadata = z.object({
  name: z.string(),
  datatype: z.string(),
  shape: z.array(z.number().int()),
});

export const ModelMetadata = z
  .object({
    name: z.string(),
    versions: z.array(z.string()),
    platform: z.string(),
    inputs: z.array(TensorMetadata),
    outputs: z.array(TensorMetadata),
  })
  .meta({ id: 'ModelMetadata' });

export const ServerMetadata = z
  .object({ name: z.string(), version: z.string(), extensions: z.array(z.string()) })
  .meta({ id: 'ServerMetadata' });

export const OipErrorBody = z.object({ error: z.string() }).meta({ id: 'InferenceError' });
