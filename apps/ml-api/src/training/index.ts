export { type ChurnData, type ChurnRow, churnColumns, targetColumn } from './churn-columns';
export { readChurnCsv } from './churn-csv';
export { type ChurnPipeline, churnProbabilities } from './churn-pipeline';
export { CsvError } from './csv';
export { ChurnDataError, ConvergenceError, TrainingSkewError } from './errors';
export type { Metrics } from './metrics';
export { syntheticChurnData } from './synthetic-churn';
export { type TrainChurnModelOptions, type TrainedChurnModel, trainChurnModel } from './train-churn-model';
