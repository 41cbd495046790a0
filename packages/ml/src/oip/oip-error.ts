/** An Open Inference Protocol error: answered as `{"error": message}` with its status. */
export class OipError extends Error {
  override name = 'OipError';
  readonly expose = true;

  constructor(
    readonly status: 400 | 404 | 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** What an OIP route answers for an error: its own body shape, never Flama's. */
export function oipErrorResponse(error: unknown): Response | undefined {
  if (!(error instanceof Error) || (error as { expose?: unknown }).expose !== true) return undefined;
  const status = (error as { status?: unknown }).status;
  const headers = (error as { headers?: Record<string, string> }).headers;
  return Response.json(
    { error: error.message },
    { status: typeof status === 'number' ? status : 400, ...(headers && { headers }) },
  );
}
