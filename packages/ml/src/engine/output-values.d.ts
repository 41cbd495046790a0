import type { RawTensor } from './raw-tensor';

export type OutputValue = number | string | boolean;

export function plainData(tensor: Pick<RawTensor, 'type' | 'data'>): OutputValue[];
export function splitRows(values: readonly OutputValue[], rows: number): (OutputValue | OutputValue[])[];
