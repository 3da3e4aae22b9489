/** An error with an HTTP status and a stable snake_case code, rendered as `{error}` JSON. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Factories for the errors the API answers with; one place so codes stay stable. */
export const errors = {
  badRequest: (code: string, message: string, details?: unknown) =>
    new AppError(400, code, message, details),
  invalidInput: (message: string, details?: unknown) =>
    new AppError(400, 'invalid_input', message, details),
  unauthorized: (message = 'Sign in to continue.') => new AppError(401, 'unauthorized', message),
  invalidCredentials: () =>
    new AppError(401, 'invalid_credentials', 'That email and password do not match an account.'),
  invalidSignature: (message = 'The webhook signature is missing or wrong.') =>
    new AppError(401, 'invalid_signature', message),
  forbidden: (message = 'Your role does not allow this.') =>
    new AppError(403, 'forbidden', message),
  badOrigin: () => new AppError(403, 'bad_origin', 'Requests from another site are not accepted.'),
  notFound: (what: string) => new AppError(404, 'not_found', `${what} was not found.`),
  conflict: (code: string, message: string, details?: unknown) =>
    new AppError(409, code, message, details),
  payloadTooLarge: (message = 'The request body is too large.') =>
    new AppError(413, 'payload_too_large', message),
  unsupportedMedia: (message: string) => new AppError(415, 'unsupported_media_type', message),
  unprocessable: (code: string, message: string, details?: unknown) =>
    new AppError(422, code, message, details),
  tooManyRequests: (code: string, message: string) => new AppError(429, code, message),
  unavailable: (code: string, message: string) => new AppError(503, code, message),
};

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
