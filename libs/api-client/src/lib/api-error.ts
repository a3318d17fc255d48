/** A non-2xx answer of the API, with Nest's `message` normalised to a list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Turns openapi-fetch's `{data, error}` into a value or a thrown ApiError (what react-query expects). */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new ApiError(response.status, errorMessages(error));
  return data as T;
}

function errorMessages(body: unknown): string[] {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message)) return message.map(String);
  return typeof message === 'string' ? [message] : [];
}
