// @flama/ml/testing, for the tests of the workspace's packages (not published): the one copy of the ONNX
// models they serve.
export {
  doubler,
  identity,
  linearRegressor,
  matrixClassifier,
  mixedPipeline,
  pairs,
  pickColumn,
  twoColumnClassifier,
  typedColumns,
} from './models';
export { recurrentCell } from './recurrent-cell';
