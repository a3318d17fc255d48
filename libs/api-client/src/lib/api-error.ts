import type { components } from '../schema';

export type ErrorCode = components['schemas']['ErrorCode'];
export type ErrorDetails = Record<string, string | number>;

/**
 * An answer other than 2xx: its status, the API's stable `code` (what clients translate), the
 * values a translated sentence may need (`details`), and the API's English messages.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly code?: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** Reads an error answer's body (any shape: a proxy's HTML page gives only the status). */
  static fromBody(status: number, body: unknown): ApiError {
    const { message, code, details } = (typeof body === 'object' && body !== null ? body : {}) as {
      message?: unknown;
      code?: unknown;
      details?: unknown;
    };
    const messages = Array.isArray(message)
      ? message.map(String)
      : typeof message === 'string'
        ? [message]
        : [];
    return new ApiError(
      status,
      messages,
      typeof code === 'string' ? (code as ErrorCode) : undefined,
      typeof details === 'object' && details !== null ? (details as ErrorDetails) : {},
    );
  }
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Turns openapi-fetch's `{data, error}` into a value or a thrown ApiError (what react-query expects). */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw ApiError.fromBody(response.status, error);
  return data as T;
}
