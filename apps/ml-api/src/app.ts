import { ModelInput, ModelOutput, modelResource } from '@flama/ml';
import { Flama } from 'flama';

interface ChurnCosts {
  agents_per_client: number;
  operational_cost: number;
}

/** EstimatedSalary's position in a row (RowNumber, CustomerId, Surname, CreditScore, …, EstimatedSalary). */
const estimatedSalary = 12;

export const ChurnModel = modelResource({
  name: 'churn_model',
  verboseName: 'Churn model',
  description: 'Whether a bank customer leaves, from the tutorial’s 13 columns',
  model: 'data/model.flm',
}).post(
  '/loss/',
  {
    name: 'model-predict-loss',
    summary: 'Expected loss per customer',
    description:
      'P(churn) × (agents per client × estimated salary − operational cost), from the packed artifact.',
    body: ModelInput,
    response: ModelOutput,
  },
  async ({ body, model }) => {
    const { agents_per_client, operational_cost } = model.artifacts.json<ChurnCosts>('artifact.json');
    const churn = (await model.predictProba(body.input)).map((probabilities) => probabilities[1] ?? 0);
    return {
      output: body.input.map(
        (row, i) => churn[i]! * (agents_per_client * Number(row[estimatedSalary]) - operational_cost),
      ),
    };
  },
);

export const app = new Flama({
  title: 'Flama ML',
  version: '1.0.0',
  description: 'Machine learning API using Flama 🔥',
  docs: '/docs/',
  // Production serving: /health/live and /health/ready, Prometheus metrics, the Open Inference Protocol.
  health: true,
  metrics: true,
  serving: { oip: true },
});

app.models.addModelResource('/churn', ChurnModel);
