import { randomUUID } from 'node:crypto';

import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

import type { Role } from '@shared/dto.js';

import type { UserRow } from '../features/users/user.presenter.js';
import { AppError, errors, isAppError } from './errors.js';
import type { Logger } from './logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    user?: UserRow;
    sessionToken?: string;
    rawBody?: Buffer;
  }
}

/** The signed-in user of a request that passed `requireStaff`. */
export function currentUser(req: Request): UserRow {
  if (!req.user) throw errors.unauthorized();
  return req.user;
}

/** Wraps an async handler so a rejection reaches the error middleware. */
export function route(
  handler: (req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => handler(req, res, next))
      .catch(next);
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(errors.unauthorized());
    if (!roles.includes(user.role)) return next(errors.forbidden());
    next();
  };
}

export function requestId(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.id = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug(
        { requestId: req.id, method: req.method, path: req.path, status: res.statusCode, ms },
        'request',
      );
    });
    next();
  };
}

/** Renders every error as `{error: {code, message}}`; unknown ones are a logged generic 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toAppError(error);
    if (!known) {
      logger.error({ err: error, requestId: req.id, path: req.path }, 'unhandled error');
    }
    const appError = known ?? new AppError(500, 'internal_error', 'Something went wrong.');
    if (res.headersSent) return;
    const body: { code: string; message: string; details?: unknown } = {
      code: appError.code,
      message: appError.message,
    };
    if (appError.details !== undefined) body.details = appError.details;
    res.status(appError.status).json({ error: body });
  };
}

function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (typeof error !== 'object' || error === null) return null;

  // body-parser's errors carry a `type` and an HTTP status.
  const e = error as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large') return errors.payloadTooLarge();
  if (e.type === 'entity.parse.failed') {
    return errors.badRequest('invalid_json', 'The request body is not valid JSON.');
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return errors.unsupportedMedia('The request body encoding is not supported.');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError(e.status, 'bad_request', 'The request could not be read.');
  }
  return null;
}
