import { z } from 'zod';

/** The body of every error response (Flama's format); documented as the component `APIError`. */
export const apiErrorSchema = z
  .object({
    status_code: z.int().describe('The HTTP status code.'),
    detail: z
      .union([z.string(), z.record(z.string(), z.array(z.string()))])
      .describe(
        'What went wrong: a message, or for validation errors each failing field mapped to its messages.',
      ),
    error: z.string().describe('The error class, e.g. "ValidationError" or "HTTPException".'),
  })
  .meta({
    id: 'APIError',
    description: 'An error response.',
    examples: [{ status_code: 400, detail: { email: ['Invalid email address'] }, error: 'ValidationError' }],
  });

export type APIErrorBody = z.output<typeof apiErrorSchema>;
