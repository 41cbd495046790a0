import type { ErrorDetail } from './http-exception';

/** The error body of every Flama error: `{"status_code": 404, "detail": "Not Found", "error": "HTTPException"}`. */
export interface ErrorBody {
  status_code: number;
  detail: ErrorDetail;
  error: string;
}

export function errorResponse(
  status: number,
  detail: ErrorDetail,
  error = 'HTTPException',
  headers?: Record<string, string>,
): Response {
  const body: ErrorBody = { status_code: status, detail, error };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
