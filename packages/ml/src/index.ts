export type { CodecName, WritableCodecName } from './codecs/codec';
export type { BatchingOptions } from './engine/batch-queue';
export {
  BatchTooLargeError,
  InferenceThreadError,
  ModelInputError,
  type ModelInputErrorReason,
  ModelLoadError,
  ModelOverloadedError,
  ModelTimeoutError,
  UnsupportedModelError,
} from './engine/errors';
export type {
  BatchObservation,
  InferenceObserver,
  RequestObservation,
} from './engine/inference-observer';
export { type Cell, OnnxModel, type OnnxModelOptions, type Prediction, type Row } from './engine/onnx-model';
export type { Dim, ElementType, NonTensorSpec, Signature, TensorSpec, ValueSpec } from './engine/signature';
export type { TensorInput } from './engine/tensor-input';
export type { OutputTensor, OutputValue } from './engine/tensor-output';
export { type FlmErrorReason, FlmFormatError } from './flm/errors';
export { type FlmMeta, frameworkLib } from './flm/meta';
export { type FlmSummary, inspectFlm, type ReadFlmOptions, readFlm } from './flm/reader';
export type { FlmCompression, FlmFile, FlmModel, LegacyCompression, ModelKind } from './flm/types';
export { type WriteFlmInput, writeFlm } from './flm/writer';
export { ArtifactNotFoundError, Artifacts } from './model/artifacts';
export { DumpError, type DumpOptions, dump } from './model/dump';
export { type LoadOptions, load } from './model/load';
export { Model } from './model/model';
export { PythonModelError } from './model/python-model-error';
export {
  type AttachModelsOptions,
  attachModels,
  type ServedModelOptions,
} from './serving/attach-models';
export { availableCpus } from './serving/available-cpus';
export { ModelResource, type ModelResourceOptions, modelResource } from './serving/model-resource';
export {
  ModelInput,
  ModelInspection,
  ModelOutput,
  PredictInput,
  PredictOutput,
  StreamInput,
} from './serving/model-schemas';
export {
  ModelStartupError,
  ModelsModule,
  type ResourceHost,
  type ServingOptions,
} from './serving/models-module';
