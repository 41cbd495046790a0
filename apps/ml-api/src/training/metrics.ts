/** How well probabilities of the positive class predict the labels (a label is 1 when its probability > 0.5). */
export interface Metrics {
  readonly accuracy: number;
  readonly roc_auc: number;
  /** F1 score of the positive class. */
  readonly f1: number;
}

export function classificationMetrics(labels: readonly (0 | 1)[], probabilities: readonly number[]): Metrics {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let correct = 0;
  labels.forEach((label, i) => {
    const predicted = probabilities[i]! > 0.5 ? 1 : 0;
    if (predicted === label) correct++;
    if (predicted === 1 && label === 1) truePositives++;
    if (predicted === 1 && label === 0) falsePositives++;
    if (predicted === 0 && label === 1) falseNegatives++;
  });
  const f1Denominator = 2 * truePositives + falsePositives + falseNegatives;
  return {
    accuracy: correct / labels.length,
    roc_auc: rocAuc(labels, probabilities),
    f1: f1Denominator === 0 ? 0 : (2 * truePositives) / f1Denominator,
  };
}

/**
 * The area under the ROC curve: the chance that a random positive scores above a random negative (ties count
 * half), computed from ranks (Mann–Whitney U). NaN when the labels hold one class only.
 */
export function rocAuc(labels: readonly (0 | 1)[], scores: readonly number[]): number {
  const order = scores
    .map((score, index) => ({ score, label: labels[index]! }))
    .sort((a, b) => a.score - b.score);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && order[end]!.score === order[start]!.score) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      if (order[i]!.label === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
